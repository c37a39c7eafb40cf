import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUILTIN_TEMPLATES, type Template } from '../../shared/templates';
import { Modal } from '../common/Modal';
import { useOfficeProfile } from '../office/useOfficeProfile';
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
  const [open, setOpen] = useState(false);
  const office = useOfficeProfile();
  const pick = (template: Template) => {
    setOpen(false);
    onPick(template);
  };
  const needs = (template: Template) =>
    template.needs.length
      ? t('templates.needs', {
          rules: template.needs
            .map((r) => t(`checklist.rules.${r}`, { min: 150, max: 1000, length: '…', count: '…' }))
            .join('; '),
        })
      : '';
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
          {office?.templates && office.templates.length > 0 && (
            <>
              <h3>{t('templates.office')}</h3>
              <ul className="template-list">
                {office.templates.map((template, i) => (
                  <li key={`${i}-${template.name}`}>
                    <button type="button" onClick={() => pick(template)}>
                      {template.name}
                    </button>
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
