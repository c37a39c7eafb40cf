import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../shared/contract';
import { api, errorMessage } from '../api';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { useLanguage } from '../i18n';
import { formatBytes, formatWhen } from './format';

interface Props {
  /** Called once the services run over the restored file: everything shown must be read again. */
  onRestored: () => void;
}

/**
 * "Pulihkan dari cadangan": the backups with their time and size, each restorable by a
 * button named "Pulihkan cadangan" (its time is the button's description, so a screen reader
 * tells them apart). The current state is kept as a backup before the swap.
 */
export function RestoreBackups({ onRestored }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [items, setItems] = useState<BackupInfo[] | null>(null);
  const [chosen, setChosen] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    setError(null);
    try {
      setItems((await api.listBackups({})).items);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const restore = async (backup: BackupInfo) => {
    setChosen(null);
    setBusy(true);
    setError(null);
    try {
      await api.restoreBackup({ name: backup.name });
      onRestored();
    } catch (e) {
      setBusy(false);
      setError(errorMessage(e));
    }
  };

  return (
    <div className="restore-backups">
      <button type="button" aria-expanded={items !== null} onClick={() => void load()} disabled={busy}>
        {t('settings.restoreOpen')}
      </button>
      {items !== null && items.length === 0 && <p className="hint">{t('settings.noBackups')}</p>}
      {items !== null && items.length > 0 && (
        <ul className="backup-list" aria-label={t('settings.backupList')}>
          {items.map((b) => (
            <li key={b.name}>
              <span id={`backup-${b.name}`}>
                {formatWhen(b.createdAt, language)} · {formatBytes(b.bytes)}
              </span>{' '}
              <button type="button" aria-describedby={`backup-${b.name}`} disabled={busy} onClick={() => setChosen(b)}>
                {t('settings.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="hint" aria-live="polite">
        {busy ? t('settings.restoring') : ''}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {chosen && (
        <ConfirmDialog
          message={t('settings.restoreConfirm', { when: formatWhen(chosen.createdAt, language) })}
          confirmLabel={t('settings.restoreConfirmButton')}
          onConfirm={() => void restore(chosen)}
          onCancel={() => setChosen(null)}
        />
      )}
    </div>
  );
}
