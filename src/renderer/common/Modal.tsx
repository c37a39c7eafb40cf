import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ModalProps {
  className: string;
  /** The id of the heading that names the dialog, or… */
  labelledBy?: string;
  /** …the name itself when the dialog shows no heading. */
  label?: string;
  /** Escape asks the owner to close (the owner unmounts the modal; the browser must not close it behind React's back). */
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal on the native <dialog>: opened when mounted (focus moves in, the page behind is
 * inert), closed when unmounted (focus returns to where it was).
 */
export function Modal({ className, labelledBy, label, onClose, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={labelledBy}
      aria-label={label}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}

/** A dialog's (or side panel's, with `className="side-panel-head"`) heading with its "Tutup" button. */
export function DialogHead({
  id,
  title,
  onClose,
  className = 'dialog-head',
}: {
  id: string;
  title: ReactNode;
  onClose: () => void;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={className}>
      <h2 id={id}>{title}</h2>
      <button type="button" className="ghost" onClick={onClose}>
        {t('app.close')}
      </button>
    </div>
  );
}
