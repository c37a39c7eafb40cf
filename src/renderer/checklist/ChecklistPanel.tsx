import { useTranslation } from 'react-i18next';
import type { Finding } from '../../shared/checklist';
import { DialogHead } from '../common/Modal';
import { failingCounts } from './useChecklist';
import './checklist.css';

interface Props {
  findings: Finding[];
  onClose: () => void;
}

/** The checklist as a side panel: every rule the office checks, with what is still missing. */
export function ChecklistPanel({ findings, onClose }: Props) {
  const { t } = useTranslation();
  const { blocking, warnings } = failingCounts(findings);
  return (
    <aside className="side-panel checklist-panel" role="region" aria-label={t('checklist.heading')}>
      <DialogHead className="side-panel-head" id="checklist-heading" title={t('checklist.heading')} onClose={onClose} />
      <p className="hint">{t('checklist.intro')}</p>
      <p className="checklist-summary" aria-live="polite">
        {blocking + warnings === 0 ? t('checklist.allGood') : t('checklist.summary', { blocking, warnings })}
      </p>
      <ul className="checklist">
        {findings.map((f) => (
          <FindingItem key={f.rule} finding={f} />
        ))}
      </ul>
    </aside>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  const state = finding.ok ? 'ok' : finding.level;
  const detailKey = `checklist.details.${finding.rule}`;
  // A detail that would name nothing (an empty dateline) is left out.
  const named = Object.values(finding.params).every((v) => v !== '');
  const params =
    finding.rule === 'images' && typeof finding.params['missing'] === 'string'
      ? {
          ...finding.params,
          missing: finding.params['missing']
            .split(', ')
            .map((part) => t(`checklist.parts.${part}`))
            .join(', '),
        }
      : finding.params;
  const detail = !finding.ok && named && t(detailKey, { ...params, defaultValue: '' });
  return (
    <li className={`checklist-item checklist-${state}`} data-rule={finding.rule}>
      <span className="checklist-mark" aria-hidden="true">
        {finding.ok ? '✓' : finding.level === 'block' ? '✕' : '!'}
      </span>
      <span>
        <span className="visually-hidden">
          {finding.ok ? t('checklist.ok') : t(`checklist.${finding.level}`)}
          {finding.ok ? '' : ` (${t('checklist.failing')})`}:{' '}
        </span>
        {t(`checklist.rules.${finding.rule}`, finding.params)}
        {detail ? <span className="checklist-detail">{detail}</span> : null}
      </span>
    </li>
  );
}
