import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncLogEntry } from '../../shared/contract';
import { formatReason } from '../../shared/errors/format';
import { api, errorMessage } from '../api';
import { DialogHead, Modal } from '../common/Modal';
import { shortDateTime } from '../format/dates';
import { useLanguage } from '../i18n';

/** The sync log, newest first, to read after a sync. */
export function SyncLogDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [items, setItems] = useState<SyncLogEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.listSyncLog({ limit: 300 }).then(
      (log) => setItems([...log.items].sort((a, b) => b.id - a.id)),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);

  return (
    <Modal className="dialog sync-log" labelledBy="sync-log-title" onClose={onClose}>
      <DialogHead id="sync-log-title" title={t('sync.log')} onClose={onClose} />
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
              <span className="log-message">
                {entry.reason ? formatReason(language, entry.reason, entry.params) : entry.message}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Modal>
  );
}
