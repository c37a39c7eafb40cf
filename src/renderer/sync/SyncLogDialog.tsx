import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncLogEntry } from '../../shared/contract';
import { api, errorMessage } from '../api';
import { shortDateTime } from '../format/dates';
import { useLanguage } from '../i18n';

/** The sync log, newest first, to read after a sync. */
export function SyncLogDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ref = useRef<HTMLDialogElement>(null);
  const [items, setItems] = useState<SyncLogEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    api.listSyncLog({ limit: 300 }).then(
      (log) => setItems([...log.items].sort((a, b) => b.id - a.id)),
      (e: unknown) => setError(errorMessage(e)),
    );
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog sync-log"
      aria-labelledby="sync-log-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-head">
        <h2 id="sync-log-title">{t('sync.log')}</h2>
        <button type="button" className="ghost" onClick={onClose}>
          {t('app.close')}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {items === null && !error ? (
        <p>{t('app.loading')}</p>
      ) : items && items.length === 0 ? (
        <p>{t('sync.logEmpty')}</p>
      ) : (
        <ol className="log-list">
          {items?.map((entry) => (
            <li key={entry.id} className={`log-${entry.level}`}>
              <time dateTime={entry.at}>{shortDateTime(entry.at, language)}</time>
              <span className="log-level">{t(`sync.levels.${entry.level}`)}</span>
              <span className="log-message">{entry.message}</span>
            </li>
          ))}
        </ol>
      )}
    </dialog>
  );
}
