import { useId } from 'react';

interface SettingSelectProps<T extends string | number> {
  label: string;
  value: T;
  options: readonly T[];
  /** How an option reads (its value, by default). */
  labelOf?: (option: T) => string;
  onChange: (value: T) => void;
}

/**
 * One of a view's settings as a select. The label stands beside the select rather than around
 * it, so the select's accessible name is the label alone, not the label and every option.
 */
export function SettingSelect<T extends string | number>(props: SettingSelectProps<T>) {
  const { label, value, options, labelOf = String, onChange } = props;
  const id = useId();
  return (
    <span className="setting-select">
      <label htmlFor={id}>{label}</label>{' '}
      <select
        id={id}
        value={value}
        onChange={(event) => {
          // The select offers only `options`: the one whose text is the chosen value.
          const chosen = options.find((option) => String(option) === event.target.value);
          if (chosen !== undefined) onChange(chosen);
        }}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {labelOf(option)}
          </option>
        ))}
      </select>
    </span>
  );
}
