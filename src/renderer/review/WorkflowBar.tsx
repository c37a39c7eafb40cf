import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowView } from '../../shared/contract';
import type { Status } from '../../shared/domain';
import { Modal } from '../common/Modal';
import { shortDateTime } from '../format/dates';
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

/** Local "YYYY-MM-DDTHH:mm" for <input type="datetime-local">. */
const localInputValue = (date: Date): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

function ScheduleDialog({ onConfirm, onCancel }: { onConfirm: (at: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(() => localInputValue(new Date(Date.now() + 60 * 60 * 1000)));
  const [invalid, setInvalid] = useState(false);
  const confirm = () => {
    const when = new Date(value);
    if (Number.isNaN(when.getTime()) || when.getTime() <= Date.now()) {
      setInvalid(true);
      return;
    }
    onConfirm(when.toISOString());
  };
  return (
    <Modal className="dialog" labelledBy="schedule-title" onClose={onCancel}>
      <h2 id="schedule-title">{t('review.scheduleTitle')}</h2>
      <label className="field">
        <span>{t('review.scheduleAt')}</span>
        <input
          type="datetime-local"
          value={value}
          aria-invalid={invalid}
          onChange={(e) => {
            setValue(e.target.value);
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
