import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { suggestModeKey } from '../../shared/editor';
import { EditorLinkDialog } from './EditorLinkDialog';
import { ImageIcon, LinkIcon, OrderedListIcon } from './icons';
import { isCommentable, ReviewTools, type ToolbarReview } from './ReviewTools';
import { MOD, ToolButton } from './ToolButton';
import { useImagePicker } from './useImagePicker';

interface ToolbarProps {
  editor: Editor;
  review: ToolbarReview;
  /** Lifted so the editor's Ctrl+K can open the same dialog. */
  linkOpen: boolean;
  setLinkOpen: (open: boolean) => void;
}

/** The formatting toolbar: one named button per command, grouped as the writer thinks of them. */
export function Toolbar({ editor, review, linkOpen, setLinkOpen }: ToolbarProps) {
  const { t } = useTranslation();

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      paragraph: e.isActive('paragraph'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      h4: e.isActive('heading', { level: 4 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      strike: e.isActive('strike'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
      inTable: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
      commentable: isCommentable(e),
      suggesting: Boolean(suggestModeKey.getState(e.state)?.enabled),
    }),
  });

  const chain = () => editor.chain().focus();

  const image = useImagePicker((attachment) =>
    chain().insertFigure({ attachment, alt: '', caption: '', credit: '' }).run(),
  );

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="tool-group">
        <ToolButton
          label={t('toolbar.paragraph')}
          shortcut={`${MOD}+Alt+0`}
          active={state.paragraph}
          onClick={() => chain().setParagraph().run()}
        >
          ¶
        </ToolButton>
        <ToolButton
          label={t('toolbar.heading2')}
          shortcut={`${MOD}+Alt+2`}
          active={state.h2}
          onClick={() => chain().toggleHeading({ level: 2 }).run()}
        >
          H2
        </ToolButton>
        <ToolButton
          label={t('toolbar.heading3')}
          shortcut={`${MOD}+Alt+3`}
          active={state.h3}
          onClick={() => chain().toggleHeading({ level: 3 }).run()}
        >
          H3
        </ToolButton>
        <ToolButton
          label={t('toolbar.heading4')}
          shortcut={`${MOD}+Alt+4`}
          active={state.h4}
          onClick={() => chain().toggleHeading({ level: 4 }).run()}
        >
          H4
        </ToolButton>
      </div>
      <div className="tool-group">
        <ToolButton
          label={t('toolbar.bold')}
          shortcut={`${MOD}+B`}
          active={state.bold}
          onClick={() => chain().toggleBold().run()}
        >
          <b>B</b>
        </ToolButton>
        <ToolButton
          label={t('toolbar.italic')}
          shortcut={`${MOD}+I`}
          active={state.italic}
          onClick={() => chain().toggleItalic().run()}
        >
          <i>I</i>
        </ToolButton>
        <ToolButton
          label={t('toolbar.underline')}
          shortcut={`${MOD}+U`}
          active={state.underline}
          onClick={() => chain().toggleUnderline().run()}
        >
          <u>U</u>
        </ToolButton>
        <ToolButton
          label={t('toolbar.strike')}
          shortcut={`${MOD}+Shift+S`}
          active={state.strike}
          onClick={() => chain().toggleStrike().run()}
        >
          <s>S</s>
        </ToolButton>
      </div>
      <div className="tool-group">
        <ToolButton
          label={t('toolbar.bulletList')}
          shortcut={`${MOD}+Shift+8`}
          active={state.bulletList}
          onClick={() => chain().toggleBulletList().run()}
        >
          •≡
        </ToolButton>
        <ToolButton
          label={t('toolbar.orderedList')}
          shortcut={`${MOD}+Shift+7`}
          active={state.orderedList}
          onClick={() => chain().toggleOrderedList().run()}
        >
          <OrderedListIcon />
        </ToolButton>
        <ToolButton
          label={t('toolbar.blockquote')}
          shortcut={`${MOD}+Shift+B`}
          active={state.blockquote}
          onClick={() => chain().toggleBlockquote().run()}
        >
          ❝
        </ToolButton>
        <ToolButton
          label={t('toolbar.link')}
          shortcut={`${MOD}+K`}
          active={state.link}
          onClick={() => setLinkOpen(true)}
        >
          <LinkIcon />
        </ToolButton>
        <ToolButton label={t('toolbar.horizontalRule')} onClick={() => chain().setHorizontalRule().run()}>
          ―
        </ToolButton>
      </div>
      <div className="tool-group">
        <ToolButton
          label={t('toolbar.table')}
          disabled={state.inTable}
          onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
        >
          ▦
        </ToolButton>
        {state.inTable && (
          <>
            <ToolButton label={t('toolbar.addRow')} onClick={() => chain().addRowAfter().run()}>
              +≡
            </ToolButton>
            <ToolButton label={t('toolbar.addColumn')} onClick={() => chain().addColumnAfter().run()}>
              +‖
            </ToolButton>
            <ToolButton label={t('toolbar.deleteRow')} onClick={() => chain().deleteRow().run()}>
              −≡
            </ToolButton>
            <ToolButton label={t('toolbar.deleteColumn')} onClick={() => chain().deleteColumn().run()}>
              −‖
            </ToolButton>
            <ToolButton label={t('toolbar.deleteTable')} onClick={() => chain().deleteTable().run()}>
              ✕▦
            </ToolButton>
          </>
        )}
        <ToolButton
          label={image.busy ? t('toolbar.uploading') : t('toolbar.image')}
          disabled={image.busy}
          onClick={image.choose}
        >
          <ImageIcon />
        </ToolButton>
        {image.input}
      </div>
      <div className="tool-group">
        <ToolButton
          label={t('toolbar.undo')}
          shortcut={`${MOD}+Z`}
          disabled={!state.canUndo}
          onClick={() => chain().undo().run()}
        >
          ↶
        </ToolButton>
        <ToolButton
          label={t('toolbar.redo')}
          shortcut={`${MOD}+Shift+Z`}
          disabled={!state.canRedo}
          onClick={() => chain().redo().run()}
        >
          ↷
        </ToolButton>
      </div>
      <ReviewTools
        review={review}
        commentable={state.commentable}
        suggesting={state.suggesting}
        onSuggestMode={(on) => chain().setSuggestMode(on, review.author).run()}
      />
      {linkOpen && <EditorLinkDialog editor={editor} inLink={state.link} close={() => setLinkOpen(false)} />}
    </div>
  );
}
