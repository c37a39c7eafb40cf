import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMAGE_MIME_TYPES, MAX_IMAGE_BYTES } from '../../shared/contract';
import type { LeadImage } from '../../shared/domain';
import { errorMessage } from '../api';
import { useAlerts } from '../common/alerts';
import { ImageTooLargeError, importImageFile } from './imageFile';
import { mediaUrl } from './media';

interface Props {
  value: LeadImage | null;
  onChange: (value: LeadImage | null) => void;
}

/** The release's lead image ("Foto utama") with caption, photo credit and alt text. */
export function LeadImageField({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { report } = useAlerts();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const pick = async (file: File) => {
    setBusy(true);
    try {
      const attachment = await importImageFile(file);
      onChange({ attachment, caption: value?.caption ?? '', credit: value?.credit ?? '', alt: value?.alt ?? '' });
    } catch (error) {
      report(
        error instanceof ImageTooLargeError
          ? t('toolbar.imageTooLarge', { size: (error.bytes / 1048576).toFixed(1), max: MAX_IMAGE_BYTES / 1048576 })
          : t('toolbar.imageFailed', { message: errorMessage(error) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="lead-image">
      <legend>{t('leadImage.heading')}</legend>
      {value ? (
        <div className="lead-image-body">
          <img src={mediaUrl(value.attachment)} alt={value.alt} />
          <div className="lead-image-fields">
            <label className="field">
              <span>{t('leadImage.caption')}</span>
              <input type="text" maxLength={500} value={value.caption} onChange={(e) => onChange({ ...value, caption: e.target.value })} />
            </label>
            <label className="field">
              <span>{t('leadImage.credit')}</span>
              <input
                type="text"
                maxLength={200}
                value={value.credit}
                placeholder={t('figure.creditPlaceholder')}
                onChange={(e) => onChange({ ...value, credit: e.target.value })}
              />
            </label>
            <label className="field">
              <span>{t('leadImage.alt')}</span>
              <input type="text" maxLength={500} value={value.alt} onChange={(e) => onChange({ ...value, alt: e.target.value })} />
            </label>
            <div className="revision-actions">
              <button type="button" className="small" disabled={busy} onClick={() => input.current?.click()}>
                {t('leadImage.replace')}
              </button>
              <button type="button" className="small danger-text" onClick={() => onChange(null)}>
                {t('leadImage.remove')}
              </button>
            </div>
          </div>
        </div>
      ) : (
        <div className="lead-image-empty">
          <span className="hint">{t('leadImage.none')}</span>
          <button type="button" className="small" disabled={busy} onClick={() => input.current?.click()}>
            {t('leadImage.choose')}
          </button>
        </div>
      )}
      <input
        ref={input}
        type="file"
        accept={IMAGE_MIME_TYPES.join(',')}
        hidden
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void pick(file);
        }}
      />
    </fieldset>
  );
}
