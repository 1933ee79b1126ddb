import { useId, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { useIncidentFilter } from '../filter/use-filter';
import { graphql } from '../gql';
import { searchPath } from '../links';
import { hitLine, type HitLine } from '../search/search-hits';
import { useDebouncedValue } from '../search/use-debounced-value';

const SearchSuggestionsQuery = graphql(`
  query SearchSuggestions($text: String!) {
    search(text: $text, first: 8) {
      node {
        ...SearchHitFields
      }
    }
  }
`);

/** Shorter texts match too much to be worth a request. */
const MIN_CHARACTERS = 2;
const DEBOUNCE_MS = 250;

/**
 * The header's search: suggestions as one types (the ARIA combobox pattern: arrows move through
 * them, Enter opens the one chosen or the full results, Escape closes), over actors by name or
 * alias and incidents by their words.
 */
export function SearchBox() {
  const id = useId();
  const navigate = useNavigate();
  const { carried } = useIncidentFilter();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const wanted = text.trim();
  const settled = useDebouncedValue(wanted, DEBOUNCE_MS);
  const [{ data, fetching, operation }] = useQuery({
    query: SearchSuggestionsQuery,
    variables: { text: settled },
    pause: settled.length < MIN_CHARACTERS,
  });

  // Only an answer to what the box holds now: not to a text typed over since.
  const ready =
    settled.length >= MIN_CHARACTERS && settled === wanted && operation?.variables.text === wanted;
  const hits = ready && data ? data.search.map((hit) => hitLine(hit.node, carried)) : [];
  const options: HitLine[] =
    wanted === ''
      ? []
      : [
          ...hits,
          {
            id: 'all',
            label: `All results for “${wanted}”`,
            detail: '',
            path: searchPath(wanted, carried),
          },
        ];
  const shown = open && wanted.length >= MIN_CHARACTERS;
  const optionId = (index: number) => `${id}-option-${index}`;

  const go = (path: string) => {
    setText('');
    setOpen(false);
    setActive(-1);
    void navigate(path);
  };
  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    const chosen = shown ? options[active] : undefined;
    if (chosen) go(chosen.path);
    else if (wanted !== '') go(searchPath(wanted, carried));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(Math.max(-1, Math.min(options.length - 1, active + step)));
    } else if (event.key === 'Escape') {
      if (shown) setOpen(false);
      else setText('');
      setActive(-1);
    }
  };

  return (
    <form role="search" className="search-box" onSubmit={onSubmit}>
      <label htmlFor={`${id}-input`} className="visually-hidden">
        Search actors and incidents
      </label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        placeholder="Search actors, aliases, incidents"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={shown ? `${id}-list` : undefined}
        aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => {
          setOpen(true);
        }}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      {shown && (
        <ul
          id={`${id}-list`}
          role="listbox"
          aria-label="Suggestions"
          className="search-suggestions"
        >
          {options.map((option, index) => (
            <li
              key={option.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              // Keeps the focus in the box, so the click below still finds the list open.
              onMouseDown={(event) => {
                event.preventDefault();
              }}
              onClick={() => {
                go(option.path);
              }}
            >
              <span className="search-suggestion-label">{option.label}</span>
              {option.detail !== '' && <span className="muted"> {option.detail}</span>}
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {shown ? suggestionsAnnouncement(ready && !fetching, hits.length) : ''}
      </p>
    </form>
  );
}

const suggestionsAnnouncement = (answered: boolean, count: number): string =>
  !answered
    ? 'Searching…'
    : count === 0
      ? 'No actor or incident matches; Enter searches anyway.'
      : `${count} suggestion${count === 1 ? '' : 's'}; arrows to choose.`;
