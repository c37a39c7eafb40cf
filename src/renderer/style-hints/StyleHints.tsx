import type { Editor } from '@tiptap/react';
import { memo, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocNode } from '../../shared/domain';
import { docToPlainText } from '../../shared/editor/text';
import { styleHints, type StyleHint } from '../../shared/style-hints';

/** Dismissed hints per release, for this session (a hint is a suggestion, not a rule to track). */
const dismissedByRelease = new Map<string, Set<string>>();

/** How long typing must pause before the hints are worked out again. */
const PAUSE_MS = 500;

const sameHints = (a: StyleHint[], b: StyleHint[]): boolean =>
  a.length === b.length &&
  a.every((h, i) => {
    const o = b[i]!;
    return (
      h.id === o.id && h.text === o.text && h.suggestion === o.suggestion && h.other === o.other && h.count === o.count
    );
  });

function useHints(editor: Editor | null): StyleHint[] {
  const [hints, setHints] = useState<StyleHint[]>([]);
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const run = () => {
      if (editor.isDestroyed) return;
      const next = styleHints(docToPlainText(editor.getJSON() as DocNode));
      // Typing that changes no hint leaves the list as it is (no render at all).
      setHints((current) => (sameHints(current, next) ? current : next));
    };
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, PAUSE_MS);
    };
    // Not at once: a long release's hints (and their list) would hold up its first paint.
    schedule();
    editor.on('update', schedule);
    return () => {
      if (timer) clearTimeout(timer);
      editor.off('update', schedule);
    };
  }, [editor]);
  return hints;
}

/**
 * Render keys that survive typing: a hint's id holds its offset in the text, so every hint after
 * the caret would get a new id (and be rebuilt) with each character typed before it. The n-th
 * hint of the same kind and passage keeps its key, and an unchanged item is not rendered again.
 */
function renderKeys(hints: StyleHint[]): string[] {
  const seen = new Map<string, number>();
  return hints.map((hint) => {
    const base = `${hint.kind}\u0000${hint.text}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}\u0000${n}`;
  });
}

interface ItemProps {
  id: string;
  kind: StyleHint['kind'];
  text: string;
  suggestion: string;
  other: string;
  count: number;
  onDismiss: (id: string) => void;
}

const HintItem = memo(function HintItem({ id, kind, text, suggestion, other, count, onDismiss }: ItemProps) {
  const { t } = useTranslation();
  return (
    <li>
      <span>{t(`writing.hints.${kind}`, { text, suggestion, other, count })}</span>
      <button type="button" className="ghost small" onClick={() => onDismiss(id)}>
        {t('writing.hints.dismiss')}
      </button>
    </li>
  );
});

/**
 * "Saran gaya": gentle house-style remarks on the body (repeated words, long sentences, a name
 * written two ways, non-standard forms, the dateline's dash). They never block submitting or
 * publishing; each can be dismissed. A long release has hundreds: the list is rendered again
 * only when the hints change, not with every render of the editor page.
 */
export const StyleHints = memo(function StyleHints({
  editor,
  releaseId,
}: {
  editor: Editor | null;
  releaseId: string;
}) {
  const { t } = useTranslation();
  const hints = useHints(editor);
  const [dismissed, setDismissed] = useState<Set<string>>(() => dismissedByRelease.get(releaseId) ?? new Set());
  const dismiss = useCallback(
    (id: string) =>
      setDismissed((current) => {
        const next = new Set(current).add(id);
        dismissedByRelease.set(releaseId, next);
        return next;
      }),
    [releaseId],
  );
  const restore = () => {
    dismissedByRelease.delete(releaseId);
    setDismissed(new Set());
  };
  const shown = hints.filter((h) => !dismissed.has(h.id));
  const keys = renderKeys(shown);
  const hidden = hints.length - shown.length;

  return (
    <section className="style-hints" aria-labelledby="style-hints-title">
      <h2 id="style-hints-title">{t('writing.hints.region')}</h2>
      {shown.length === 0 && <p className="hint">{t('writing.hints.empty')}</p>}
      <ul>
        {shown.map((hint, i) => (
          <HintItem
            key={keys[i]}
            id={hint.id}
            kind={hint.kind}
            text={hint.text}
            suggestion={hint.suggestion ?? ''}
            other={hint.other ?? ''}
            count={hint.count ?? 0}
            onDismiss={dismiss}
          />
        ))}
      </ul>
      {hidden > 0 && (
        <p className="hint">
          {t('writing.hints.dismissedCount', { count: hidden })}{' '}
          <button type="button" className="link-button" onClick={restore}>
            {t('writing.hints.showDismissed')}
          </button>
        </p>
      )}
    </section>
  );
});
