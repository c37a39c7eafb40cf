import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runChecklist, type ChecklistFields, type ChecklistLevels, type Finding } from '../../shared/checklist';
import type { DocNode } from '../../shared/domain';
import './checklist.css';

interface Props {
  /** Everything but the body, as the writer has it on screen. */
  fields: Omit<ChecklistFields, 'body'>;
  initialBody: DocNode;
  editor: Editor | null;
  openComments: number;
  /** The office's levels from HQ (the defaults before the first sync). */
  levels: ChecklistLevels | undefined;
}

/** Recheck after a short pause in typing: the rules read the whole text. */
const PAUSE_MS = 300;

/**
 * The checklist beside the editor, rechecked as the writer types: the same shared rules that
 * "Ajukan untuk ditinjau" and "Terbitkan" apply (and HQ again), with the office's levels.
 */
export function ChecklistPanel({ fields, initialBody, editor, openComments, levels }: Props) {
  const { t } = useTranslation();
  const [body, setBody] = useState<DocNode>(initialBody);
  const [findings, setFindings] = useState<Finding[]>([]);

  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setBody(editor.getJSON() as DocNode), PAUSE_MS);
    };
    onUpdate();
    editor.on('update', onUpdate);
    return () => {
      editor.off('update', onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [editor]);

  useEffect(() => {
    setFindings(runChecklist({ fields: { ...fields, body }, openComments }, levels));
  }, [fields, body, openComments, levels]);

  const blocking = findings.filter((f) => !f.ok && f.level === 'block').length;
  const warnings = findings.filter((f) => !f.ok && f.level === 'warn').length;

  return (
    <aside className="checklist-panel" role="region" aria-label={t('checklist.heading')}>
      <h2>{t('checklist.heading')}</h2>
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
