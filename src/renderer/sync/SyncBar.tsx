import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../shared/contract';
import { api, errorCode, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { releaseEvents } from '../common/events';
import { flushAll } from '../editor/savers';
import { shortDateTime } from '../format/dates';
import { useLanguage } from '../i18n';
import { SyncLogDialog } from './SyncLogDialog';

/** "Sinkronkan", the "Sinkronisasi" progress bar with counts, and the last result. */
export function SyncBar({ connected }: { connected: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { report } = useAlerts();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pollError, setPollError] = useState<string | null>(null);
  const [pressed, setPressed] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  const wasRunning = useRef(false);

  const poll = useCallback(async () => {
    try {
      const next = await api.getSyncStatus({});
      setStatus(next);
      setPollError(null);
      // A run (ours or the scheduler's) just ended: sync states and pulled releases changed.
      if (wasRunning.current && !next.running) releaseEvents.emitChanged();
      wasRunning.current = next.running;
    } catch (error) {
      // Polled every few seconds: shown in the summary line rather than as a stack of alerts.
      setPollError(t('sync.failed', { message: errorMessage(error) }));
    }
  }, [t]);

  useEffect(() => {
    void poll();
    const running = status?.running || pressed;
    const timer = setInterval(() => void poll(), running ? 400 : 10_000);
    return () => clearInterval(timer);
  }, [poll, status?.running, pressed, connected]);

  // The last run's summary was about the connection it ran on: connecting or disconnecting ends it.
  useEffect(() => setMessage(null), [connected]);

  const syncNow = async (confirmMassDelete = false) => {
    setPressed(true);
    setMessage(null);
    try {
      // What is typed goes with this sync.
      await flushAll();
      const input = confirmMassDelete ? { confirmMassDelete: true } : {};
      const result = await api.syncNow(input);
      setStatus(result);
      if (result.lastError) setMessage(t('sync.failed', { message: result.lastError }));
      else if (result.lastRun && !result.needsConfirmation) setMessage(t('sync.done', result.lastRun));
      releaseEvents.emitChanged();
    } catch (error) {
      const text = errorMessage(error);
      setMessage(t('sync.failed', { message: text }));
      if (errorCode(error) !== 'unauthorized' && errorCode(error) !== 'network') report(text);
    } finally {
      setPressed(false);
      wasRunning.current = false;
    }
  };

  const running = Boolean(status?.running) || pressed;
  const phase = status && status.phase !== 'idle' ? t(`sync.phases.${status.phase}`) : t('sync.phases.push');
  const progressLabel =
    status && status.total > 0
      ? t('sync.progressText', { phase, done: status.done, total: status.total })
      : t('sync.progressUnknown', { phase });
  const isConnected = status?.connected ?? connected;

  return (
    <div className="syncbar">
      <button
        type="button"
        className="sync-button"
        onClick={() => void syncNow()}
        disabled={pressed}
        aria-describedby="sync-summary"
      >
        {t('sync.button')}
      </button>
      {running && (
        <div className="sync-progress">
          <div
            role="progressbar"
            aria-label={t('sync.progress')}
            aria-valuemin={0}
            aria-valuemax={status && status.total > 0 ? status.total : undefined}
            aria-valuenow={status && status.total > 0 ? status.done : undefined}
            aria-valuetext={progressLabel}
            className="progress"
          >
            <div
              className="progress-fill"
              style={{
                width: status && status.total > 0 ? `${Math.round((100 * status.done) / status.total)}%` : '35%',
              }}
            />
          </div>
          <span className="sync-progress-text">{progressLabel}</span>
        </div>
      )}
      <span id="sync-summary" className="sync-summary" aria-live="polite">
        {!running &&
          (message ??
            pollError ??
            (!isConnected
              ? t('sync.notConnected')
              : [
                  status?.lastSyncAt
                    ? t('sync.lastSync', { when: shortDateTime(status.lastSyncAt, language) })
                    : t('sync.never'),
                  status && !status.online ? t('sync.offline') : null,
                  status && status.pending > 0 ? t('sync.pending', { count: status.pending }) : null,
                  status && status.conflicts > 0 ? t('sync.conflicts', { count: status.conflicts }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')))}
      </span>
      <button type="button" className="ghost small" onClick={() => setLogOpen(true)}>
        {t('sync.log')}
      </button>
      {logOpen && <SyncLogDialog onClose={() => setLogOpen(false)} />}
      {status?.needsConfirmation && !running && (
        <ConfirmDialog
          message={t('sync.massDelete', status.needsConfirmation)}
          confirmLabel={t('sync.massDeleteGo')}
          danger
          onConfirm={() => void syncNow(true)}
          onCancel={() => setStatus({ ...status, needsConfirmation: null })}
        />
      )}
    </div>
  );
}
