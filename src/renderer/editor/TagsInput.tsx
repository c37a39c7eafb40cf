import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  tags: string[];
  onChange: (tags: string[]) => void;
}

const MAX_TAGS = 30;

/** Tags as removable chips; a comma or Enter adds what was typed. */
export function TagsInput({ tags, onChange }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const commit = (raw: string) => {
    const fresh = raw
      .split(',')
      .map((tag) => tag.trim().slice(0, 60))
      .filter((tag) => tag && !tags.some((existing) => existing.toLowerCase() === tag.toLowerCase()));
    if (fresh.length) onChange([...tags, ...fresh].slice(0, MAX_TAGS));
    setDraft('');
  };
  return (
    <div className="field tags-field">
      <label htmlFor="release-tags">{t('editor.tags')}</label>
      <div className="tags">
        {tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
            <button
              type="button"
              className="tag-remove"
              aria-label={t('editor.removeTag', { tag })}
              onClick={() => onChange(tags.filter((x) => x !== tag))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          id="release-tags"
          type="text"
          value={draft}
          aria-describedby="release-tags-hint"
          onChange={(e) => {
            const value = e.target.value;
            if (value.includes(',')) commit(value);
            else setDraft(value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit(draft);
            } else if (e.key === 'Backspace' && draft === '' && tags.length) {
              onChange(tags.slice(0, -1));
            }
          }}
          onBlur={() => {
            if (draft.trim()) commit(draft);
          }}
        />
      </div>
      <p id="release-tags-hint" className="hint">
        {t('editor.tagsHint')}
      </p>
    </div>
  );
}
