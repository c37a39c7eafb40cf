import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocNode } from '../../shared/domain';
import { docToPlainText } from '../../shared/editor/text';
import { styleHints, type StyleHint } from '../../shared/style-hints';

/** Dismissed hints per release, for this session (a hint is a suggestion, not a rule to track). */
const dismissedByRelease = new Map<string, Set<string>>();

/** How long typing must pause before the hints are worked out again. */
const PAUSE_MS = 500;

function useHints(editor: Editor | null): StyleHint[] {
  const [hints, setHints] = useState<StyleHint[]>([]);
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const run = () => {
      if (!editor.isDestroyed) setHints(styleHints(docToPlainText(editor.getJSON() as DocNode)));
    };
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, PAUSE_MS);
    };
    run();
    editor.on('update', schedule);
    return () => {
      if (timer) clearTimeout(timer);
      editor.off('update', schedule);
    };
  }, [editor]);
  return hints;
}

/**
 * "Saran gaya": gentle house-style remarks on the body (repeated words, long sentences, a name
 * written two ways, non-standard forms, the dateline's dash). They never block submitting or
 * publishing; each can be dismissed.
 */
export function StyleHints({ editor, releaseId }: { editor: Editor | null; releaseId: string }) {
  const { t } = useTranslation();
  const hints = useHints(editor);
  const [dismissed, setDismissed] = useState<Set<string>>(() => dismissedByRelease.get(releaseId) ?? new Set());
  const dismiss = (id: string) => {
    const next = new Set(dismissed).add(id);
    dismissedByRelease.set(releaseId, next);
    setDismissed(next);
  };
  const restore = () => {
    dismissedByRelease.delete(releaseId);
    setDismissed(new Set());
  };
  const shown = hints.filter((h) => !dismissed.has(h.id));
  const hidden = hints.length - shown.length;

  return (
    <section className="style-hints" aria-labelledby="style-hints-title">
      <h2 id="style-hints-title">{t('writing.hints.region')}</h2>
      {shown.length === 0 && <p className="hint">{t('writing.hints.empty')}</p>}
      <ul>
        {shown.map((hint) => (
          <li key={hint.id}>
            <span>
              {t(`writing.hints.${hint.kind}`, {
                text: hint.text,
                suggestion: hint.suggestion ?? '',
                other: hint.other ?? '',
                count: hint.count ?? 0,
              })}
            </span>
            <button type="button" className="ghost small" onClick={() => dismiss(hint.id)}>
              {t('writing.hints.dismiss')}
            </button>
          </li>
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
}
