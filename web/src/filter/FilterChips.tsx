import type { IncidentFilter } from '../gql/graphql';
import type { FilterChip } from './filter-chips';

interface FilterChipsProps {
  chips: readonly FilterChip[];
  onChange: (filter: IncidentFilter) => void;
  /** Where the keyboard focus goes once the button that had it has gone with its chip. */
  onRemoved: () => void;
}

/** What is in effect, each condition with its own remove button, and a way to drop them all. */
export function FilterChips({ chips, onChange, onRemoved }: FilterChipsProps) {
  if (chips.length === 0) return <p className="filter-none muted">All incidents (no filter)</p>;
  return (
    <ul className="filter-chips" aria-label="Filter in effect">
      {chips.map((chip) => (
        <li key={chip.id} className="tag filter-chip">
          {chip.label}
          <button
            type="button"
            aria-label={`Remove ${chip.label}`}
            title="Remove"
            onClick={() => {
              onChange(chip.without);
              onRemoved();
            }}
          >
            ×
          </button>
        </li>
      ))}
      <li>
        <button
          type="button"
          className="filter-clear"
          onClick={() => {
            onChange({});
            onRemoved();
          }}
        >
          Clear all
        </button>
      </li>
    </ul>
  );
}
