import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { useRestartToUpdate } from './useRestartToUpdate';

/**
 * "Mulai ulang untuk memperbarui", and the question it asks first when changes are not yet
 * saved or synced ("Tetap mulai ulang").
 */
export function RestartToUpdate({ className, title }: { className: string; title?: string }) {
  const { t } = useTranslation();
  const { restart, question, dismiss } = useRestartToUpdate();
  return (
    <>
      <button type="button" className={className} title={title} onClick={() => void restart(false)}>
        {t('settings.updateRestart')}
      </button>
      {question && (
        <ConfirmDialog
          message={question}
          confirmLabel={t('settings.updateRestartAnyway')}
          onConfirm={() => void restart(true)}
          onCancel={dismiss}
        />
      )}
    </>
  );
}
