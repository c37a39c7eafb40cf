import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRASH_DAYS } from '../../shared/contract';
import type { ReleaseSummary } from '../../shared/domain';
import { api, errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { releaseEvents } from '../common/events';
import { DialogHead, Modal } from '../common/Modal';
import { shortDateTime } from '../format/dates';
import { useLanguage } from '../i18n';

type TrashItem = ReleaseSummary & { deletedAt: string };

/** "Sampah": deleted releases, each with "Pulihkan" (the restore syncs like a save). */
export function TrashDialog({ onClose, onRestored }: { onClose: () => void; onRestored: (id: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { report } = useAlerts();
  const [items, setItems] = useState<TrashItem[] | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await api.listTrash({})).items);
    } catch (error) {
      report(errorMessage(error));
    }
  }, [report]);

  useEffect(() => {
    void load();
  }, [load]);

  const restore = async (item: TrashItem) => {
    setBusy(item.id);
    try {
      const restored = await api.restoreRelease({ id: item.id });
      setDone(t('trash.restored', { title: restored.title || t('library.untitled') }));
      releaseEvents.emitSaved(restored);
      onRestored(restored.id);
      await load();
    } catch (error) {
      report(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal className="dialog trash-dialog" labelledBy="trash-heading" onClose={onClose}>
      <DialogHead id="trash-heading" title={t('trash.heading')} onClose={onClose} />
      <p className="hint">{t('trash.intro', { days: TRASH_DAYS })}</p>
      <p role="status">{done}</p>
      {items && items.length === 0 && <p>{t('trash.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="trash-list">
          {items.map((item) => (
            <li key={item.id} aria-label={item.title || t('library.untitled')}>
              <span className="trash-title">{item.title || t('library.untitled')}</span>
              <span className="hint">{t('trash.deleted', { when: shortDateTime(item.deletedAt, language) })}</span>
              <button type="button" disabled={busy !== null} onClick={() => void restore(item)}>
                {t('trash.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
