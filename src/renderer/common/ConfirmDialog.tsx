import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';

interface Props {
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
}

/** A modal question on the native <dialog>: focus moves in, Escape cancels, focus returns after. */
export function ConfirmDialog({ message, confirmLabel, onConfirm, onCancel, danger }: Props) {
  const { t } = useTranslation();
  return (
    <Modal className="dialog confirm" label={confirmLabel} onClose={onCancel}>
      <p>{message}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} autoFocus>
          {t('app.cancel')}
        </button>
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
