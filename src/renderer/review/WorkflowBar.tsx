import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowView } from '../../shared/contract';
import type { Status } from '../../shared/domain';
import { Modal } from '../common/Modal';
import type { TimeZoneLabel } from '../../shared/office';
import { parseZoned, wallClock } from '../../shared/time';
import { shortDateTime } from '../format/dates';
import { displayZone } from '../format/zone';
import { useLanguage } from '../i18n';

/**
 * The button for moving to each status. Its four accessible names are a contract: screen-reader
 * users and tests find the buttons by them.
 */
const TARGET_LABEL: Record<Status, string> = {
  diajukan: 'review.submit',
  perlu_revisi: 'review.requestChanges',
  disetujui: 'review.approve',
  terbit: 'review.publish',
  draf: 'review.retract',
  dikoreksi: 'review.correct',
  ditarik: 'review.withdraw',
};

/** Order of the buttons: the forward step first, the way back after. */
const ORDER: Status[] = ['diajukan', 'disetujui', 'terbit', 'dikoreksi', 'perlu_revisi', 'ditarik', 'draf'];

interface Props {
  view: WorkflowView;
  busy: boolean;
  onTransition: (to: Status, at?: string | null) => void;
}

/** Workflow buttons the person's role allows now, who moved the release last, and notices. */
export function WorkflowBar({ view, busy, onTransition }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [scheduling, setScheduling] = useState(false);
  const allowed = ORDER.filter((s) => view.allowed.includes(s));
  const label = (to: Status) => (to === 'draf' && view.status === 'ditarik' ? t('review.reopen') : t(TARGET_LABEL[to]));
  return (
    <div className="workflow" role="group" aria-label={t('review.workflow')}>
      <div className="workflow-actions">
        {allowed.map((to) => (
          <button
            key={to}
            type="button"
            className={to === 'diajukan' || to === 'disetujui' || to === 'terbit' ? 'primary' : ''}
            disabled={busy}
            onClick={() => onTransition(to)}
          >
            {label(to)}
          </button>
        ))}
        {view.allowed.includes('terbit') && (
          <button type="button" className="ghost" disabled={busy} onClick={() => setScheduling(true)}>
            {t('review.schedule')}
          </button>
        )}
      </div>
      <div className="workflow-info">
        {view.changedBy && view.changedAt && (
          <span>
            {t('review.changedBy', {
              status: t(`status.${view.status}`),
              who: view.changedBy,
              role: view.changedRole ? t(`review.roles.${view.changedRole}`) : '',
              when: shortDateTime(view.changedAt, language),
            })}
          </span>
        )}
        {view.publishAt && (
          <span className="badge">{t('review.embargo', { when: shortDateTime(view.publishAt, language) })}</span>
        )}
        {view.unsynced && <span className="badge sync-belum_terkirim">{t('review.unsynced')}</span>}
        {view.openThreads > 0 && <span className="badge">{t('review.openThreads', { count: view.openThreads })}</span>}
        {view.pendingSuggestions > 0 && (
          <span className="badge">{t('review.pendingSuggestions', { count: view.pendingSuggestions })}</span>
        )}
      </div>
      {view.notice && (
        <p className="workflow-notice" role="note">
          {view.notice}
        </p>
      )}
      {view.rejected && (
        <p className="workflow-notice rejected" role="note">
          {t('review.rejected', { reason: view.rejected })}
        </p>
      )}
      {scheduling && (
        <ScheduleDialog
          onCancel={() => setScheduling(false)}
          onConfirm={(at) => {
            setScheduling(false);
            onTransition('terbit', at);
          }}
        />
      )}
    </div>
  );
}

/** The day and clock an hour from now in the office's zone, as the two fields show them. */
function anHourAhead(zone: TimeZoneLabel): { day: string; time: string } {
  const w = wallClock(new Date(Date.now() + 60 * 60 * 1000), zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return w
    ? { day: `${pad(w.day)}/${pad(w.month)}/${w.year}`, time: `${pad(w.hour)}.${pad(w.minute)}` }
    : { day: '', time: '' };
}

/** The embargo time is entered in the office's zone (dd/mm/yyyy and 24-hour) and sent as an instant. */
function ScheduleDialog({ onConfirm, onCancel }: { onConfirm: (at: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const zone = displayZone();
  const [initial] = useState(() => anHourAhead(zone));
  const [day, setDay] = useState(initial.day);
  const [time, setTime] = useState(initial.time);
  const [invalid, setInvalid] = useState(false);
  const confirm = () => {
    const at = parseZoned(day, time, zone);
    if (!at || new Date(at).getTime() <= Date.now()) {
      setInvalid(true);
      return;
    }
    onConfirm(at);
  };
  return (
    <Modal className="dialog" labelledBy="schedule-title" onClose={onCancel}>
      <h2 id="schedule-title">{t('review.scheduleTitle')}</h2>
      <label className="field">
        <span>{t('writing.scheduleDate')}</span>
        <input
          type="text"
          inputMode="numeric"
          value={day}
          aria-invalid={invalid}
          onChange={(e) => {
            setDay(e.target.value);
            setInvalid(false);
          }}
        />
      </label>
      <label className="field">
        <span>{t('writing.scheduleTime', { zone })}</span>
        <input
          type="text"
          inputMode="numeric"
          value={time}
          aria-invalid={invalid}
          onChange={(e) => {
            setTime(e.target.value);
            setInvalid(false);
          }}
        />
      </label>
      {invalid && (
        <p className="field-error" role="alert">
          {t('review.scheduleInvalid')}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('app.cancel')}
        </button>
        <button type="button" className="primary" onClick={confirm}>
          {t('review.scheduleConfirm')}
        </button>
      </div>
    </Modal>
  );
}
