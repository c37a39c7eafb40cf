import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateChannel, UpdateStatus } from '../../shared/contract';
import { api, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { RestartToUpdate } from '../updates/RestartToUpdate';
import { formatBytes } from './format';

/**
 * In "Pengaturan": the update HQ offered (found after a sync, downloading with its progress,
 * then "Mulai ulang untuk memperbarui") and "Kirim log ke HQ" for support.
 */
export function UpdatesAndSupport() {
  const { t } = useTranslation();
  const { report } = useAlerts();
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [logs, setLogs] = useState<{ busy: boolean; result: string | null }>({ busy: false, result: null });

  useEffect(() => {
    let alive = true;
    const read = () =>
      api.getUpdateStatus({}).then(
        (s) => alive && setStatus(s),
        () => undefined,
      );
    void read();
    // The download runs in the background: follow it while the dialog is open.
    const timer = window.setInterval(() => void read(), 1000);
    return () => {
      alive = false;
      window.clearInterval(timer);
    };
  }, []);

  const changeChannel = async (channel: UpdateChannel) => {
    try {
      setStatus(await api.setUpdateChannel({ channel }));
    } catch (error) {
      report(errorMessage(error));
    }
  };

  const sendLogs = async () => {
    setLogs({ busy: true, result: null });
    try {
      const done = await api.sendLogsToHq({ days: 3 });
      setLogs({ busy: false, result: t('settings.logsQueued', { lines: done.lines, size: formatBytes(done.bytes) }) });
    } catch (error) {
      setLogs({ busy: false, result: null });
      report(errorMessage(error));
    }
  };

  const describe = (s: UpdateStatus): string => {
    if (s.state === 'downloading') return t('settings.updateDownloading', { version: s.version ?? '' });
    if (s.state === 'ready') return t('settings.updateReady', { version: s.version ?? '' });
    if (s.state === 'error')
      return t(s.error === 'updates.tampered' ? 'settings.updateTampered' : 'settings.updateFailed');
    if (s.state === 'unsupported') return t('settings.updateUnsupported');
    return t('settings.updateNone');
  };

  return (
    <>
      <section className="settings-section" aria-labelledby="update-heading">
        <h3 id="update-heading">{t('settings.updateHeading')}</h3>
        <p className="hint" aria-live="polite">
          {status ? describe(status) : ''}
        </p>
        {status && status.state !== 'unsupported' && (
          <label className="field">
            <span>{t('settings.updateChannel')}</span>
            <select value={status.channel} onChange={(e) => void changeChannel(e.target.value as UpdateChannel)}>
              <option value="stable">{t('settings.updateChannels.stable')}</option>
              <option value="pilot">{t('settings.updateChannels.pilot')}</option>
            </select>
          </label>
        )}
        {status?.state === 'downloading' && (
          <progress aria-label={t('settings.updateProgress')} value={status.received} max={status.total || 1} />
        )}
        {status?.state === 'ready' && <RestartToUpdate className="primary" />}
      </section>

      <section className="settings-section" aria-labelledby="support-heading">
        <h3 id="support-heading">{t('settings.supportHeading')}</h3>
        <button type="button" onClick={() => void sendLogs()} disabled={logs.busy}>
          {t('settings.sendLogs')}
        </button>
        <p className="hint" aria-live="polite">
          {logs.result ?? ''}
        </p>
      </section>
    </>
  );
}
