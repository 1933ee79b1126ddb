import { useId } from 'react';

export interface SelectChoiceProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** [value, what the option says]. */
  children: [string, string][];
}

/** A labelled drop-down of a few fixed choices. */
export function SelectChoice({ label, value, onChange, children }: SelectChoiceProps) {
  const id = useId();
  return (
    <span className="select-choice">
      <label htmlFor={id}>{label}</label>{' '}
      <select
        id={id}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {children.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}
