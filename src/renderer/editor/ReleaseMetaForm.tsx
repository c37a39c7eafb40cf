import { memo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, type ReleaseFields } from '../../shared/domain';
import { dateline } from '../../shared/text/dateline';
import { ChoiceSelect } from '../common/ChoiceSelect';
import { DayInput } from '../common/DayInput';
import { longDate } from '../format/dates';
import { useLanguage } from '../i18n';
import { LeadImageField } from './LeadImageField';
import { TagsInput } from './TagsInput';

/** Everything the writer fills in besides the body. */
export type MetaFields = Omit<ReleaseFields, 'body'>;

interface Props {
  fields: MetaFields;
  update: <K extends keyof MetaFields>(key: K, value: MetaFields[K]) => void;
  titleRef: RefObject<HTMLTextAreaElement | null>;
}

/** Title, dateline, date, category, byline, tags, summary and lead image of a release. */
/** Memoised: it renders again when a field changes, not with every save of the body. */
export const ReleaseMetaForm = memo(function ReleaseMetaForm({ fields, update, titleRef }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="meta" aria-label={t('editor.metadata')}>
      <label className="field field-title">
        <span>{t('editor.title')}</span>
        {/* A textarea so a long headline wraps and shows whole; it stays one line of text. */}
        <textarea
          ref={titleRef}
          className="title-input"
          rows={1}
          value={fields.title}
          maxLength={300}
          placeholder={t('editor.titlePlaceholder')}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
          }}
          onChange={(e) => update('title', e.target.value.replace(/[\r\n]+/g, ' '))}
        />
      </label>
      <div className="meta-row">
        <label className="field">
          <span>{t('editor.dateline')}</span>
          <input
            type="text"
            value={fields.dateline}
            maxLength={100}
            placeholder={t('editor.datelinePlaceholder')}
            onChange={(e) => update('dateline', e.target.value)}
          />
        </label>
        <DayInput label={t('editor.date')} value={fields.date} onChange={(date) => update('date', date)} />
        <ChoiceSelect
          className="field"
          label={t('editor.category')}
          value={fields.category}
          options={CATEGORIES}
          optionLabel={(c) => t(`category.${c}`)}
          onChange={(category) => update('category', category)}
        />
      </div>
      <p className="dateline-preview" aria-label={t('editor.datelinePreview')}>
        <strong>{dateline(fields.dateline, fields.date)}</strong>
        <span className="hint"> · {longDate(fields.date, language)}</span>
      </p>
      <div className="meta-row">
        <label className="field">
          <span>{t('editor.byline')}</span>
          <input
            type="text"
            value={fields.byline}
            maxLength={200}
            placeholder={t('editor.bylinePlaceholder')}
            onChange={(e) => update('byline', e.target.value)}
          />
        </label>
        <TagsInput tags={fields.tags} onChange={(tags) => update('tags', tags)} />
      </div>
      <label className="field">
        <span>{t('editor.summary')}</span>
        <textarea
          value={fields.summary}
          rows={2}
          maxLength={2000}
          onChange={(e) => update('summary', e.target.value)}
        />
      </label>
      <LeadImageField value={fields.leadImage} onChange={(leadImage) => update('leadImage', leadImage)} />
    </section>
  );
});
