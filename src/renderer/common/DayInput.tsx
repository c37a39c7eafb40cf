import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayMonthYear, parseDayMonthYear } from '../../shared/time';

interface Props {
  label: string;
  /** `YYYY-MM-DD` */
  value: string;
  onChange: (isoDate: string) => void;
  className?: string;
}

/**
 * A calendar day typed as Indonesian writes it, "4/12/2025" (day first), whatever the browser's
 * locale (a date input follows the browser: 12/03/2026 for 3 December on an American one). Only
 * a real day is passed on; while the text is not one, the field says how to write it.
 */
export function DayInput({ label, value, onChange, className = 'field' }: Props) {
  const { t } = useTranslation();
  const errorId = useId();
  const [text, setText] = useState(() => dayMonthYear(value));
  const [invalid, setInvalid] = useState(false);

  // A change from outside (a sync, a restore) shows the new day unless the writer is mid-edit.
  useEffect(() => {
    setText((current) => (parseDayMonthYear(current) === value ? current : dayMonthYear(value)));
    setInvalid(false);
  }, [value]);

  return (
    <div className={className}>
      <label className="day-input">
        <span>{label}</span>
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={text}
          placeholder={t('writing.dateHint')}
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            const day = parseDayMonthYear(e.target.value);
            setInvalid(day === null);
            if (day && day !== value) onChange(day);
          }}
          onBlur={() => {
            if (parseDayMonthYear(text)) setText(dayMonthYear(parseDayMonthYear(text) ?? value));
          }}
        />
      </label>
      {/* Outside the label: the field's name stays "Tanggal rilis"; the error describes it. */}
      {invalid && (
        <span id={errorId} className="field-error">
          {t('writing.dateInvalid')}
        </span>
      )}
    </div>
  );
}
