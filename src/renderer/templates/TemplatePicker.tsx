import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ERROR_MESSAGES } from '../../shared/errors/format';
import { BUILTIN_TEMPLATES, type Template } from '../../shared/templates';
import { Modal } from '../common/Modal';
import { api, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { useLanguage } from '../i18n';
import './templates.css';

interface Props {
  onPick: (template: Template) => void;
}

/**
 * "Dari templat": a dialog of the built-in templates and the office's own (set at HQ, synced
 * with the office profile). Each template is a button named for it; picking one makes the release.
 */
export function TemplatePicker({ onPick }: Props) {
  const { t } = useTranslation();
  const { report } = useAlerts();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const [office, setOffice] = useState<{ template: Template; pending: boolean }[]>([]);
  // The office's templates as of now (a sync may have brought new ones since last time).
  useEffect(() => {
    if (!open) return;
    let live = true;
    api.listOfficeTemplates({}).then(
      (r) => live && setOffice(r.templates),
      (error: unknown) => report(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [open, report]);
  const pick = (template: Template) => {
    setOpen(false);
    onPick(template);
  };
  // The rules' short names, as refusals word them.
  const ruleNames = ERROR_MESSAGES[language].checklistRules;
  const needs = (template: Template) =>
    template.needs.length ? t('templates.needs', { rules: template.needs.map((r) => ruleNames[r]).join(', ') }) : '';
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('templates.open')}
      </button>
      {open && (
        <Modal className="dialog template-dialog" labelledBy="template-title" onClose={() => setOpen(false)}>
          <h2 id="template-title">{t('templates.heading')}</h2>
          <h3>{t('templates.builtin')}</h3>
          <ul className="template-list">
            {BUILTIN_TEMPLATES.map((template) => (
              <li key={template.id}>
                <button type="button" aria-describedby={`template-needs-${template.id}`} onClick={() => pick(template)}>
                  {t(`templates.names.${template.id}`, { defaultValue: template.name })}
                </button>
                <span id={`template-needs-${template.id}`} className="hint">
                  {needs(template)}
                </span>
              </li>
            ))}
          </ul>
          {office.length > 0 && (
            <>
              <h3>{t('templates.office')}</h3>
              <ul className="template-list">
                {office.map(({ template, pending }, i) => (
                  <li key={template.id ?? `${i}-${template.name}`}>
                    <button type="button" onClick={() => pick(template)}>
                      {template.name}
                    </button>
                    {pending && <span className="hint">{t('templates.pending')}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={() => setOpen(false)}>
              {t('app.cancel')}
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
