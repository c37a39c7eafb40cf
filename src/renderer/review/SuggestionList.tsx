import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { listSuggestions } from '../../shared/editor';
import { shortDateTime } from '../format/dates';
import { useLanguage } from '../i18n';

/** Suggested edits in the text, each accepted or rejected in the editor (so undo works). */
export function SuggestionList({ editor }: { editor: Editor | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const suggestions =
    useEditorState({
      editor,
      selector: ({ editor: e }) => (e ? listSuggestions(e.state.doc) : []),
      equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b),
    }) ?? [];

  return (
    <section aria-labelledby="suggestions-heading">
      <h3 id="suggestions-heading">{t('review.suggestions')}</h3>
      {suggestions.length === 0 ? (
        <p className="hint">{t('review.noSuggestions')}</p>
      ) : (
        <>
          <ol className="suggestion-list">
            {suggestions.map((s) => (
              <li key={`${s.id}:${s.kind}:${s.from}`} className={`suggestion suggestion-${s.kind}`}>
                <div className="suggestion-meta">
                  {s.kind === 'insert'
                    ? t('review.suggestionInsert', { author: s.author })
                    : t('review.suggestionDelete', { author: s.author })}
                  {s.at && <span> · {shortDateTime(s.at, language)}</span>}
                </div>
                <div className="suggestion-text">{s.kind === 'insert' ? <ins>{s.text}</ins> : <del>{s.text}</del>}</div>
                <div className="revision-actions">
                  <button
                    type="button"
                    className="small"
                    onClick={() => editor?.chain().focus().acceptSuggestion(s.id).run()}
                  >
                    {t('review.accept')}
                  </button>
                  <button
                    type="button"
                    className="small"
                    onClick={() => editor?.chain().focus().rejectSuggestion(s.id).run()}
                  >
                    {t('review.reject')}
                  </button>
                </div>
              </li>
            ))}
          </ol>
          <div className="revision-actions">
            <button
              type="button"
              className="small"
              onClick={() => editor?.chain().focus().acceptAllSuggestions().run()}
            >
              {t('review.acceptAll')}
            </button>
            <button
              type="button"
              className="small"
              onClick={() => editor?.chain().focus().rejectAllSuggestions().run()}
            >
              {t('review.rejectAll')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
