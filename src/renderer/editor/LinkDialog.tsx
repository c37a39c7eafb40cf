import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAllowedLink } from '../../shared/editor';
import { Modal } from '../common/Modal';

interface Props {
  initial: string;
  onApply: (href: string) => void;
  onRemove: (() => void) | null;
  onClose: () => void;
}

/** "www.kpu.go.id" means https; anything with another scheme (javascript:, data:, file:) is refused. */
function normalizeLink(raw: string): string | null {
  const value = raw.trim();
  if (!value) return null;
  if (isAllowedLink(value)) return value;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return null;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return `mailto:${value}`;
  if (/^[\w-]+(\.[\w-]+)+([/?#].*)?$/.test(value)) return `https://${value}`;
  return null;
}

export function LinkDialog({ initial, onApply, onRemove, onClose }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const apply = () => {
    const href = normalizeLink(value);
    if (!href) {
      setInvalid(true);
      return;
    }
    onApply(href);
  };
  return (
    <Modal className="dialog link-dialog" labelledBy="link-dialog-title" onClose={onClose}>
      <h2 id="link-dialog-title">{t('link.dialogTitle')}</h2>
      <label className="field">
        <span>{t('link.url')}</span>
        <input
          type="text"
          inputMode="url"
          autoFocus
          value={value}
          aria-invalid={invalid}
          aria-describedby="link-hint"
          onChange={(e) => {
            setValue(e.target.value);
            setInvalid(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            }
          }}
        />
      </label>
      <p id="link-hint" className={invalid ? 'field-error' : 'hint'} role={invalid ? 'alert' : undefined}>
        {invalid ? t('link.invalid') : t('link.urlHint')}
      </p>
      <div className="dialog-actions">
        {onRemove && (
          <button type="button" className="ghost danger-text" onClick={onRemove}>
            {t('link.remove')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('app.cancel')}
        </button>
        <button type="button" className="primary" onClick={apply}>
          {t('link.apply')}
        </button>
      </div>
    </Modal>
  );
}
