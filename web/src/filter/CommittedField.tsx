import { useId, useState, type InputHTMLAttributes } from 'react';

interface CommittedFieldProps {
  label: string;
  /** The value in effect (what the address holds), '' for none. */
  value: string;
  /** Applies a committed text; returns what is wrong with it, or null when it was applied. */
  onCommit: (text: string) => string | null;
  input: Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'min' | 'max' | 'step' | 'inputMode'>;
}

/**
 * A typed value (a date, a confidence) applied when the analyst is done with it — Enter or leaving
 * the field — not at every keystroke: each application is a request and a history entry, and a
 * year typed digit by digit is four wrong dates first.
 */
export function CommittedField({ label, value, onCommit, input }: CommittedFieldProps) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [draft, setDraft] = useState(value);
  // A new value in effect (a chip removed, back) replaces what the field shows.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
    setProblem(null);
  }
  const commit = (field: HTMLInputElement) => {
    // A number or date field the browser cannot read reports '' as its value: say so rather than
    // take it for "no condition".
    if (field.validity.badInput) {
      setProblem(`This is not a ${field.type === 'date' ? 'date' : 'number'}.`);
      return;
    }
    const text = field.value;
    if (text === value) {
      setProblem(null);
      return;
    }
    setProblem(onCommit(text));
  };
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={draft}
        {...input}
        aria-invalid={problem !== null}
        aria-describedby={problem === null ? undefined : `${id}-problem`}
        onChange={(event) => {
          setDraft(event.target.value);
        }}
        onBlur={(event) => {
          commit(event.currentTarget);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(event.currentTarget);
        }}
      />
      {problem !== null && (
        <p id={`${id}-problem`} className="filter-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
