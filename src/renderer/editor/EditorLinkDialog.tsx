import type { Editor } from '@tiptap/react';
import { LinkDialog } from './LinkDialog';

/**
 * The link dialog applied to the editor: edits the link under the selection, or types the
 * address itself as linked text when nothing is selected.
 */
export function EditorLinkDialog({ editor, inLink, close }: { editor: Editor; inLink: boolean; close: () => void }) {
  const chain = () => editor.chain().focus();
  const currentHref = (): string => {
    const attrs = editor.getAttributes('link') as { href?: unknown };
    return typeof attrs.href === 'string' ? attrs.href : '';
  };
  return (
    <LinkDialog
      initial={currentHref()}
      onClose={() => {
        close();
        editor.commands.focus();
      }}
      onRemove={
        inLink
          ? () => {
              close();
              chain().extendMarkRange('link').unsetLink().run();
            }
          : null
      }
      onApply={(href) => {
        close();
        const { empty } = editor.state.selection;
        if (empty && !editor.isActive('link')) {
          chain()
            .insertContent({
              type: 'text',
              text: href.replace(/^mailto:/i, ''),
              marks: [{ type: 'link', attrs: { href } }],
            })
            .run();
        } else {
          chain().extendMarkRange('link').setLink({ href }).run();
        }
      }}
    />
  );
}
