import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../shared/contract';
import type { DocNode, Release } from '../../shared/domain';
import { docToPlainText } from '../../shared/editor/text';
import { api, errorMessage } from '../api';
import { DialogHead, Modal } from '../common/Modal';

type Choice = 'mine' | 'theirs' | 'edited';

interface Props {
  releaseId: string;
  /** Saves whatever is still typed before the conflict is read. */
  beforeLoad: () => Promise<unknown>;
  onResolved: (release: Release) => void;
  onClose: () => void;
}

const blockText = (node: DocNode | null): string | null =>
  node ? docToPlainText({ type: 'doc', content: [node] }) : null;

/** Field names as the writer knows them from the form. */
const FIELD_LABELS: Record<string, string> = {
  title: 'editor.title',
  dateline: 'editor.dateline',
  date: 'editor.date',
  category: 'editor.category',
  tags: 'editor.tags',
  summary: 'editor.summary',
  byline: 'editor.byline',
  leadImage: 'leadImage.heading',
  number: 'releaseFields.number',
  contact: 'releaseFields.heading',
};

const fieldText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && !Array.isArray(value) && 'caption' in value) {
    const image = value as { caption?: unknown; credit?: unknown };
    return [image.caption, image.credit].filter((part) => typeof part === 'string' && part).join(' — ');
  }
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object' && 'phone' in value) {
    const c = value as { name?: unknown; role?: unknown; phone?: unknown };
    return [c.name, c.role, c.phone].filter((part) => typeof part === 'string' && part).join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/** Text written by hand for a block: one paragraph per line. Formatting of that block is not kept. */
const paragraphsFrom = (text: string): DocNode[] =>
  text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] }));

/** Writer-facing value for an edited field: tags are a list, everything else text. */
const fieldValueFrom = (field: string, text: string): unknown =>
  field === 'tags'
    ? text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)
    : text;

/**
 * Both versions of every conflicting block and field side by side; for each the writer keeps
 * theirs, keeps mine, or writes the text themselves. Nothing is decided for them.
 */
export function ConflictDialog({ releaseId, beforeLoad, onResolved, onClose }: Props) {
  const { t } = useTranslation();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    (async () => {
      await beforeLoad();
      const found = await api.listConflicts({ releaseId });
      setConflict(found.items[0] ?? null);
      setLoaded(true);
    })().catch((e: unknown) => {
      setError(errorMessage(e));
      setLoaded(true);
    });
  }, [releaseId, beforeLoad]);

  const keys = conflict
    ? [...conflict.fields.map((f) => `field:${f.field}`), ...conflict.blocks.map((b) => `block:${b.blockId}`)]
    : [];
  const complete = keys.length > 0 && keys.every((k) => choices[k]);

  const choose = (key: string, choice: Choice, seed: string) => {
    setChoices((c) => ({ ...c, [key]: choice }));
    if (choice === 'edited') setEdits((e) => (key in e ? e : { ...e, [key]: seed }));
  };

  const apply = async () => {
    if (!conflict) return;
    setBusy(true);
    setError(null);
    try {
      const resolved = await api.resolveConflict({
        releaseId,
        resolutions: conflict.blocks.map((b) => {
          const key = `block:${b.blockId}`;
          const choice = choices[key] ?? 'mine';
          return choice === 'edited'
            ? { blockId: b.blockId, choice, content: paragraphsFrom(edits[key] ?? '') }
            : { blockId: b.blockId, choice };
        }),
        fields: conflict.fields.map((f) => {
          const key = `field:${f.field}`;
          const choice = choices[key] ?? 'mine';
          return choice === 'edited'
            ? { field: f.field, choice, value: fieldValueFrom(f.field, edits[key] ?? '') }
            : { field: f.field, choice };
        }),
      });
      onResolved(resolved);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const row = (key: string, label: string, mine: string | null, theirs: string | null, editable = true) => (
    <fieldset key={key} className="conflict-row">
      <legend>{label}</legend>
      <div className="conflict-sides">
        <div className="conflict-side">
          <h4>{t('conflict.mine')}</h4>
          <div className="conflict-text">{mine ?? t('conflict.deleted')}</div>
          <label className="choice">
            <input
              type="radio"
              name={key}
              checked={choices[key] === 'mine'}
              onChange={() => choose(key, 'mine', mine ?? '')}
            />
            {t('conflict.useMine')}
          </label>
        </div>
        <div className="conflict-side">
          <h4>{t('conflict.theirs')}</h4>
          <div className="conflict-text">{theirs ?? t('conflict.deleted')}</div>
          <label className="choice">
            <input
              type="radio"
              name={key}
              checked={choices[key] === 'theirs'}
              onChange={() => choose(key, 'theirs', theirs ?? '')}
            />
            {t('conflict.useTheirs')}
          </label>
        </div>
      </div>
      {editable && (
        <label className="choice">
          <input
            type="radio"
            name={key}
            checked={choices[key] === 'edited'}
            onChange={() => choose(key, 'edited', mine ?? theirs ?? '')}
          />
          {t('conflict.edit')}
        </label>
      )}
      {choices[key] === 'edited' && (
        <label className="field">
          <span>{t('conflict.editedText')}</span>
          <textarea
            rows={4}
            value={edits[key] ?? ''}
            onChange={(e) => setEdits((all) => ({ ...all, [key]: e.target.value }))}
          />
        </label>
      )}
    </fieldset>
  );

  return (
    <Modal className="dialog conflict-dialog" labelledBy="conflict-title" onClose={onClose}>
      <DialogHead
        id="conflict-title"
        title={t('conflict.heading', { title: conflict?.title ?? '' })}
        onClose={onClose}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {!loaded && <p>{t('app.loading')}</p>}
      {loaded && !conflict && !error && <p>{t('conflict.none')}</p>}
      {conflict && (
        <>
          <p className="hint">{t('conflict.intro', { author: conflict.theirsAuthor, rev: conflict.theirsRev })}</p>
          {conflict.fields.map((f) => {
            const label = FIELD_LABELS[f.field] ? t(FIELD_LABELS[f.field] as string) : f.field;
            const show = (v: unknown) =>
              f.field === 'category' && typeof v === 'string' ? t(`category.${v}`, { defaultValue: v }) : fieldText(v);
            // Only free text can be written by hand; a category, date or image is chosen.
            return row(
              `field:${f.field}`,
              t('conflict.field', { field: label }),
              show(f.mine),
              show(f.theirs),
              !['category', 'date', 'leadImage', 'number', 'contact'].includes(f.field),
            );
          })}
          {conflict.blocks.map((b, index) =>
            row(
              `block:${b.blockId}`,
              t('conflict.block', { index: index + 1 }),
              blockText(b.mine),
              blockText(b.theirs),
            ),
          )}
          <div className="dialog-actions">
            {!complete && <span className="hint">{t('conflict.choose')}</span>}
            <button type="button" className="primary" disabled={!complete || busy} onClick={() => void apply()}>
              {t('conflict.apply')}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
