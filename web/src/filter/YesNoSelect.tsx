import { useId } from 'react';

const choices = [
  { value: '', label: 'Any' },
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
] as const;

interface YesNoSelectProps {
  label: string;
  /** null: no condition. */
  value: boolean | null | undefined;
  onChange: (value: boolean | undefined) => void;
}

/** A condition that is either absent, true or false (cross-border, attributed). */
export function YesNoSelect({ label, value, onChange }: YesNoSelectProps) {
  const id = useId();
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value == null ? '' : String(value)}
        onChange={(event) => {
          const chosen = event.target.value;
          onChange(chosen === '' ? undefined : chosen === 'true');
        }}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
