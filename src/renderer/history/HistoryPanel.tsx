import { diffWords, type Change } from 'diff';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevisionMeta } from '../../shared/contract';
import { docToPlainText } from '../../shared/editor/text';
import { api, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { releaseEvents } from '../common/events';
import { DialogHead } from '../common/Modal';
import type { Autosaver } from '../editor/autosave';
import { shortDateTime } from '../format/dates';
import { useLanguage } from '../i18n';

interface Props<P> {
  releaseId: string;
  saver: Autosaver<P>;
  onRestore: (rev: number) => Promise<void>;
  onClose: () => void;
}

interface DiffView {
  rev: number;
  changes: Change[];
}

/** "Riwayat": revisions with when/who/why, a word diff against the current text, restore. */
export function HistoryPanel<P>({ releaseId, saver, onRestore, onClose }: Props<P>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { report } = useAlerts();
  const [items, setItems] = useState<RevisionMeta[] | null>(null);
  const [diff, setDiff] = useState<DiffView | null>(null);
  const [confirmRev, setConfirmRev] = useState<number | null>(null);

  const load = useCallback(async () => {
    try {
      const list = await api.listRevisions({ releaseId });
      setItems([...list.items].sort((a, b) => b.rev - a.rev));
    } catch (error) {
      report(errorMessage(error));
    }
  }, [releaseId, report]);

  useEffect(() => {
    void load();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = releaseEvents.on((stored) => {
      if (stored && stored.id !== releaseId) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void load(), 800);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [load, releaseId]);

  const compare = async (rev: number) => {
    try {
      await saver.flush();
      const [old, current] = await Promise.all([
        api.getRevision({ releaseId, rev }),
        api.getRelease({ id: releaseId }),
      ]);
      const before = `${old.fields.title}\n\n${docToPlainText(old.fields.body)}`;
      const after = `${current.title}\n\n${docToPlainText(current.body)}`;
      setDiff({ rev, changes: diffWords(before, after) });
    } catch (error) {
      report(errorMessage(error));
    }
  };

  const reasonLabel = (reason: string): string => {
    const key = `history.reasons.${reason}`;
    return t(key, { defaultValue: reason });
  };

  return (
    <aside className="side-panel history" aria-labelledby="history-heading">
      <DialogHead className="side-panel-head" id="history-heading" title={t('history.heading')} onClose={onClose} />
      {items === null ? (
        <p>{t('app.loading')}</p>
      ) : items.length === 0 ? (
        <p>{t('history.empty')}</p>
      ) : (
        <ol className="revision-list">
          {items.map((item) => (
            <li key={item.rev} className={diff?.rev === item.rev ? 'is-selected' : undefined}>
              <div className="revision-head">
                <strong>{t('history.revision', { rev: item.rev })}</strong>
                <span>{shortDateTime(item.createdAt, language)}</span>
              </div>
              <div className="revision-meta">
                {t('history.by', { author: item.author })} · {reasonLabel(item.reason)} ·{' '}
                {t('history.words', { count: item.wordCount })}
              </div>
              <div className="revision-actions">
                <button type="button" className="small" onClick={() => void compare(item.rev)}>
                  {t('history.compare')}
                </button>
                <button type="button" className="small" onClick={() => setConfirmRev(item.rev)}>
                  {t('history.restore')}
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {diff && (
        <section className="diff" aria-labelledby="diff-heading">
          <h3 id="diff-heading">{t('history.diffHeading', { rev: diff.rev })}</h3>
          <p className="hint">{t('history.diffLegend', { rev: diff.rev })}</p>
          {diff.changes.every((c) => !c.added && !c.removed) ? (
            <p>{t('history.noDiff')}</p>
          ) : (
            <div className="diff-text">
              {diff.changes.map((change, index) =>
                change.removed ? (
                  <del key={index} aria-label={`${t('history.deleted')}: ${change.value}`}>
                    {change.value}
                  </del>
                ) : change.added ? (
                  <ins key={index} aria-label={`${t('history.inserted')}: ${change.value}`}>
                    {change.value}
                  </ins>
                ) : (
                  <span key={index}>{change.value}</span>
                ),
              )}
            </div>
          )}
        </section>
      )}
      {confirmRev !== null && (
        <ConfirmDialog
          message={t('history.restoreConfirm', { rev: confirmRev })}
          confirmLabel={t('history.restore')}
          onConfirm={() => {
            const rev = confirmRev;
            setConfirmRev(null);
            void onRestore(rev);
          }}
          onCancel={() => setConfirmRev(null)}
        />
      )}
    </aside>
  );
}
