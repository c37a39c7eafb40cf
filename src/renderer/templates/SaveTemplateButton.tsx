import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocNode, ReleaseFields } from '../../shared/domain';
import { api, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { Modal } from '../common/Modal';

type Source = Pick<ReleaseFields, 'title' | 'summary' | 'tags' | 'category'>;

interface Props {
  /** The release as on screen when the writer saves. */
  read: () => { fields: Source; body: DocNode };
}

/** "Simpan sebagai templat": this release's structure becomes a template of the whole office. */
export function SaveTemplateButton({ read }: Props) {
  const { t } = useTranslation();
  const { report } = useAlerts();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [savedName, setSavedName] = useState<string | null>(null);

  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    setBusy(true);
    try {
      const { fields, body } = read();
      await api.saveTemplate({
        template: {
          name: trimmed,
          category: fields.category,
          title: fields.title,
          summary: fields.summary,
          tags: [...fields.tags],
          body,
          needs: [],
        },
      });
      setOpen(false);
      setName('');
      setSavedName(trimmed);
    } catch (error) {
      report(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="ghost"
        onClick={() => {
          setSavedName(null);
          setOpen(true);
        }}
      >
        {t('templates.save')}
      </button>
      {savedName && (
        <span className="hint" aria-live="polite">
          {t('templates.saved', { name: savedName })}
        </span>
      )}
      {open && (
        <Modal className="dialog" labelledBy="save-template-title" onClose={() => setOpen(false)}>
          <h2 id="save-template-title">{t('templates.saveHeading')}</h2>
          <p className="hint">{t('templates.saveHint')}</p>
          <label className="field">
            <span>{t('templates.name')}</span>
            <input type="text" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
          </label>
          <div className="dialog-actions">
            <button type="button" onClick={() => setOpen(false)}>
              {t('app.cancel')}
            </button>
            <button type="button" className="primary" disabled={busy || !name.trim()} onClick={() => void save()}>
              {t('templates.saveConfirm')}
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
