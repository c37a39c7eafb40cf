import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, SyncStatus } from '../../shared/contract';
import { api, errorMessage } from '../api';
import type { AppInfo } from '../App';
import { useAlerts } from '../common/alerts';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { DialogHead, Modal } from '../common/Modal';
import { switchLanguage, useLanguage } from '../i18n';
import { useOfficeProfile } from '../office/useOfficeProfile';
import { formatBytes } from './format';
import { RestoreBackups } from './RestoreBackups';

interface Props {
  info: AppInfo | null;
  onClose: () => void;
  onInfoChanged: () => Promise<void> | void;
}

/** "Pengaturan": language, "Cadangkan" and "Pulihkan dari cadangan", and the connection to HQ ("Hubungkan"). */
export function SettingsDialog({ info, onClose, onInfoChanged }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { report } = useAlerts();
  const office = useOfficeProfile();
  const [backup, setBackup] = useState<{ busy: boolean; result: string | null }>({ busy: false, result: null });
  const [sync, setSync] = useState<SyncStatus | null>(null);
  const [hqUrl, setHqUrl] = useState(info?.hqUrl ?? '');
  const [code, setCode] = useState('');
  const [connecting, setConnecting] = useState(false);
  const [connectError, setConnectError] = useState<string | null>(null);
  const [confirmDisconnect, setConfirmDisconnect] = useState(false);

  useEffect(() => {
    api.getSyncStatus({}).then(
      (status) => {
        setSync(status);
        if (status.hqUrl) setHqUrl((current) => current || status.hqUrl || '');
      },
      (error: unknown) => report(errorMessage(error)),
    );
  }, [report]);

  const changeLanguage = async (next: Language) => {
    try {
      const stored = await api.setLanguage({ language: next });
      await switchLanguage(stored.language);
      await onInfoChanged();
    } catch (error) {
      report(errorMessage(error));
    }
  };

  const runBackup = async () => {
    setBackup({ busy: true, result: null });
    try {
      const done = await api.backupDatabase({});
      setBackup({ busy: false, result: t('settings.backupDone', { path: done.path, size: formatBytes(done.bytes) }) });
    } catch (error) {
      setBackup({ busy: false, result: null });
      report(errorMessage(error));
    }
  };

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    setConnecting(true);
    setConnectError(null);
    try {
      await api.connectToHq({ serverUrl: hqUrl.trim(), code: code.trim() });
      setCode('');
      setSync(await api.getSyncStatus({}));
      await onInfoChanged();
    } catch (error) {
      setConnectError(errorMessage(error));
    } finally {
      setConnecting(false);
    }
  };

  const disconnect = async () => {
    setConfirmDisconnect(false);
    try {
      await api.disconnect({});
      setSync(await api.getSyncStatus({}));
      await onInfoChanged();
    } catch (error) {
      report(errorMessage(error));
    }
  };

  const identity = sync?.identity ?? info?.identity ?? null;
  const connected = Boolean(sync?.connected);

  return (
    <Modal className="dialog settings" labelledBy="settings-title" onClose={onClose}>
      <DialogHead id="settings-title" title={t('settings.heading')} onClose={onClose} />

      <section className="settings-section">
        <label className="field">
          <span>{t('settings.language')}</span>
          <select value={language} onChange={(e) => void changeLanguage(e.target.value as Language)}>
            <option value="id">{t('settings.languages.id')}</option>
            <option value="en">{t('settings.languages.en')}</option>
          </select>
        </label>
      </section>

      <section className="settings-section" aria-labelledby="hq-heading">
        <h3 id="hq-heading">{t('settings.hqHeading')}</h3>
        <p className="hint" aria-live="polite">
          {connected && identity
            ? t('settings.connected', {
                url: sync?.hqUrl ?? '',
                name: identity.name,
                role: t(`settings.roles.${identity.role}`),
                office: identity.office,
              })
            : t('settings.notConnected')}
        </p>
        {connected && office && <p className="hint">{t('settings.officeZone', { zone: office.timeZone })}</p>}
        <form className="hq-form" onSubmit={(e) => void connect(e)}>
          <label className="field">
            <span>{t('settings.hqUrl')}</span>
            <input
              type="text"
              inputMode="url"
              value={hqUrl}
              placeholder={t('settings.hqUrlPlaceholder')}
              required
              onChange={(e) => setHqUrl(e.target.value)}
            />
          </label>
          <label className="field">
            <span>{t('settings.enrollCode')}</span>
            <input
              type="text"
              value={code}
              autoComplete="off"
              spellCheck={false}
              required
              onChange={(e) => setCode(e.target.value)}
            />
          </label>
          {connectError && (
            <p className="field-error" role="alert">
              {connectError}
            </p>
          )}
          <div className="dialog-actions">
            {connected && (
              <button type="button" className="ghost danger-text" onClick={() => setConfirmDisconnect(true)}>
                {t('settings.disconnect')}
              </button>
            )}
            <button type="submit" className="primary" disabled={connecting}>
              {t('settings.connect')}
            </button>
          </div>
          {connecting && <p className="hint">{t('settings.connecting')}</p>}
        </form>
      </section>

      <section className="settings-section" aria-labelledby="backup-heading">
        <h3 id="backup-heading">{t('settings.backupHeading')}</h3>
        <button type="button" onClick={() => void runBackup()} disabled={backup.busy}>
          {t('settings.backup')}
        </button>
        <p className="hint" aria-live="polite">
          {backup.busy ? t('settings.backingUp') : (backup.result ?? '')}
        </p>
        {/* The services now run over another file: a full reload reads everything afresh. */}
        <RestoreBackups onRestored={() => window.location.reload()} />
      </section>

      {info && (
        <section className="settings-section about">
          <p className="hint">{t('settings.version', { version: info.version })}</p>
          <p className="hint">{t('settings.dataDir', { dir: info.dataDir })}</p>
        </section>
      )}

      {confirmDisconnect && (
        <ConfirmDialog
          message={t('settings.disconnectConfirm')}
          confirmLabel={t('settings.disconnect')}
          danger
          onConfirm={() => void disconnect()}
          onCancel={() => setConfirmDisconnect(false)}
        />
      )}
    </Modal>
  );
}
