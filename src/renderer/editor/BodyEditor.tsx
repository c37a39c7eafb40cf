import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocNode } from '../../shared/domain';
import { textStats, type TextStats } from '../../shared/editor/text';
import { useAlerts } from '../common/alerts';
import { useLanguage } from '../i18n';
import { useSpelling } from '../spelling/useSpelling';
import { rendererExtensions } from './extensions';
import type { ToolbarReview } from './ReviewTools';
import { Toolbar } from './Toolbar';

interface Props {
  initial: DocNode;
  /** Called on every change with a reader of the current body (read only when saving). */
  onChange: (readBody: () => DocNode) => void;
  onBlur: () => void;
  /** The live editor, for review tools outside it (comments, suggestions). */
  onEditor?: (editor: Editor | null) => void;
  review: ToolbarReview;
}

/**
 * A count with thousands grouped as id-ID ("20.000") or en-GB ("20,000") write it. By hand:
 * the first Intl.NumberFormat of a page loads locale data, a cost the editor's first paint paid.
 */
const groupDigits = (n: number, separator: string): string =>
  String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** The TipTap editor: toolbar, the "Isi rilis" textbox, live word and character count. */
/**
 * Memoised: the editor page renders again after every save and pause (status, checklist),
 * and none of that concerns the body's editor.
 */
export const BodyEditor = memo(function BodyEditor({ initial, onChange, onBlur, onEditor, review }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { report } = useAlerts();
  const spelling = useSpelling();
  const extensions = useMemo(() => [...rendererExtensions(report), spelling.extension], [report, spelling.extension]);
  const [linkOpen, setLinkOpen] = useState(false);
  const [stats, setStats] = useState<TextStats>(() => textStats(initial));
  const statsTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The last body seen before the editor was torn down, so a late save still has it.
  const lastBody = useRef<DocNode>(initial);
  const callbacks = useRef({ onChange, onBlur, review });
  callbacks.current = { onChange, onBlur, review };

  // Stable across renders: useEditor compares options by identity and a new object would make
  // it call setProps on every render, which re-syncs the DOM selection and can undo a caret
  // move the browser just made (Home/End) before ProseMirror read it.
  const bodyLabel = t('editor.body');
  const editorProps = useMemo(
    () => ({
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': bodyLabel,
        class: 'body-editor',
        // Our own Indonesian spellchecker marks words; the browser's (often English) one would disagree.
        spellcheck: 'false',
        lang: 'id',
      },
      handleKeyDown: (_view: unknown, event: KeyboardEvent) => {
        if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          setLinkOpen(true);
          return true;
        }
        // Ctrl+Alt+M: comment on the selection (as in common word processors).
        const comment = callbacks.current.review?.onComment;
        if (comment && (event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM') {
          event.preventDefault();
          comment();
          return true;
        }
        return false;
      },
      handleClickOn: (_view: unknown, _pos: number, _node: unknown, _nodePos: number, event: MouseEvent) => {
        const target = event.target instanceof Element ? event.target.closest('[data-thread-id]') : null;
        const threadId = target?.getAttribute('data-thread-id');
        if (threadId) callbacks.current.review?.onThreadClick(threadId);
        return false;
      },
    }),
    // The label follows the language through the effect below, not by rebuilding the props.
    [],
  );

  const editor = useEditor({
    extensions,
    content: initial,
    // The CSP forbids inline <style>; the editor's base styles live in styles/editor.css.
    injectCSS: false,
    immediatelyRender: true,
    editorProps,
    onUpdate: ({ editor: e }) => {
      const read = (): DocNode => {
        if (!e.isDestroyed) lastBody.current = e.getJSON() as DocNode;
        return lastBody.current;
      };
      callbacks.current.onChange(read);
      if (statsTimer.current) clearTimeout(statsTimer.current);
      statsTimer.current = setTimeout(() => {
        if (!e.isDestroyed) setStats(textStats(e.getJSON() as DocNode));
      }, 150);
    },
    onBlur: () => callbacks.current.onBlur(),
    onDestroy: () => {
      // 'destroy' is emitted while the view still exists.
      try {
        if (editor) lastBody.current = editor.getJSON() as DocNode;
      } catch {
        /* keep the previous snapshot */
      }
    },
  });

  // The accessible name follows the interface language.
  useEffect(() => {
    editor?.view.dom.setAttribute('aria-label', t('editor.body'));
  }, [editor, t, language]);

  useEffect(
    () => () => {
      if (statsTimer.current) clearTimeout(statsTimer.current);
    },
    [],
  );

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  if (!editor) return null;
  const numberFormat = { format: (n: number) => groupDigits(n, language === 'id' ? '.' : ',') };
  return (
    <div className="body-editor-wrap">
      <Toolbar editor={editor} review={review} linkOpen={linkOpen} setLinkOpen={setLinkOpen} />
      <EditorContent editor={editor} className="body-editor-content" />
      {spelling.menu}
      <p className="counts" aria-label={t('editor.counts')}>
        <span>{t('editor.words', { count: stats.words, formatted: numberFormat.format(stats.words) })}</span>
        <span aria-hidden="true"> · </span>
        <span>
          {t('editor.characters', { count: stats.characters, formatted: numberFormat.format(stats.characters) })}
        </span>
      </p>
    </div>
  );
});
