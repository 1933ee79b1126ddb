import { useId, useState, type ChangeEvent } from 'react';
import { placeNamed, type Place } from './filter-options';

interface PlacePickerProps {
  label: string;
  /** What the places are, in the message for a name that is none of them. */
  kind: string;
  places: readonly Place[];
  onPick: (place: Place) => void;
}

/**
 * Picking one of a few hundred countries: a text field that suggests (a native datalist) and
 * takes a name or a code. A pick from the suggestions applies at once; typed text applies on Enter
 * or Add, so a name is not taken while half typed ("Niger" on the way to "Nigeria").
 */
export function PlacePicker({ label, kind, places, onPick }: PlacePickerProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const pick = (value: string) => {
    if (value.trim() === '') return;
    const place = placeNamed(places, value);
    if (place === undefined) {
      setProblem(`No ${kind} is called “${value.trim()}”: pick one from the suggestions.`);
      return;
    }
    setText('');
    setProblem(null);
    onPick(place);
  };

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    setText(event.target.value);
    setProblem(null);
    if (chosenFromSuggestions(event.nativeEvent)) pick(event.target.value);
  };

  return (
    <div className="filter-field filter-place">
      <label htmlFor={`${id}-input`}>{label}</label>
      <div className="filter-place-row">
        <input
          id={`${id}-input`}
          list={`${id}-places`}
          value={text}
          autoComplete="off"
          aria-invalid={problem !== null}
          aria-describedby={problem === null ? undefined : `${id}-problem`}
          onChange={onChange}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            pick(text);
          }}
        />
        <button
          type="button"
          aria-label={`Add ${label.toLowerCase()}`}
          onClick={() => {
            pick(text);
          }}
        >
          Add
        </button>
      </div>
      <datalist id={`${id}-places`}>
        {places.map((place) => (
          <option key={`${place.field}:${place.value}`} value={place.name}>
            {place.hint}
          </option>
        ))}
      </datalist>
      {problem !== null && (
        <p id={`${id}-problem`} className="filter-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** Chromium reports a datalist pick as a plain input event, or as a replacement of the text. */
const chosenFromSuggestions = (event: Event): boolean =>
  !(event instanceof InputEvent) || event.inputType === 'insertReplacementText';
