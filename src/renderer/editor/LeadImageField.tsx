import { useTranslation } from 'react-i18next';
import type { LeadImage } from '../../shared/domain';
import { mediaUrl } from './media';
import { useImagePicker } from './useImagePicker';

interface Props {
  value: LeadImage | null;
  onChange: (value: LeadImage | null) => void;
}

/** The release's lead image ("Foto utama") with caption, photo credit and alt text. */
export function LeadImageField({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { busy, choose, input } = useImagePicker((attachment) =>
    onChange({ attachment, caption: value?.caption ?? '', credit: value?.credit ?? '', alt: value?.alt ?? '' }),
  );

  return (
    <fieldset className="lead-image">
      <legend>{t('leadImage.heading')}</legend>
      {value ? (
        <div className="lead-image-body">
          <img src={mediaUrl(value.attachment)} alt={value.alt} />
          <div className="lead-image-fields">
            <label className="field">
              <span>{t('leadImage.caption')}</span>
              <input
                type="text"
                maxLength={500}
                value={value.caption}
                onChange={(e) => onChange({ ...value, caption: e.target.value })}
              />
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
              <input
                type="text"
                maxLength={500}
                value={value.alt}
                onChange={(e) => onChange({ ...value, alt: e.target.value })}
              />
            </label>
            <div className="revision-actions">
              <button type="button" className="small" disabled={busy} onClick={choose}>
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
          <button type="button" className="small" disabled={busy} onClick={choose}>
            {t('leadImage.choose')}
          </button>
        </div>
      )}
      {input}
    </fieldset>
  );
}
