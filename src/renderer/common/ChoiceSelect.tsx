interface Props<V extends string> {
  /** The visible caption. */
  label: string;
  /** What a screen reader calls the list, when the caption alone is too short. */
  ariaLabel?: string;
  className?: string;
  value: V;
  options: readonly V[];
  optionLabel: (option: V) => string;
  /** A first, empty option meaning "any" (filters). */
  anyLabel?: string;
  disabled?: boolean;
  onChange: (value: V) => void;
}

/** A captioned <select> over a fixed list of values, each shown by its translated label. */
export function ChoiceSelect<V extends string>({
  label,
  ariaLabel,
  className,
  value,
  options,
  optionLabel,
  anyLabel,
  disabled,
  onChange,
}: Props<V>) {
  return (
    <label className={className}>
      <span>{label}</span>
      <select aria-label={ariaLabel} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as V)}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </label>
  );
}
