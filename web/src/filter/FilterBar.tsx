import { useId, useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { QueryState } from '../components/QueryState';
import { graphql } from '../gql';
import { filterChips } from './filter-chips';
import { optionNames } from './filter-options';
import { FilterChips } from './FilterChips';
import { FilterControls } from './FilterControls';
import { useIncidentFilter } from './use-filter';
import { usePendingFilter } from './use-pending-filter';

/** Everything the bar offers to choose from, in one request: the API's own lists. */
const FilterOptionsDocument = graphql(`
  query FilterOptions {
    sectors {
      key
      name
      subsectors {
        key
        name
      }
    }
    countries {
      code
      name
    }
    regions {
      name
    }
    attackTypes {
      id
      name
    }
    datasets {
      key
      name
    }
  }
`);

/**
 * The shared filter, shown above the views that take it. The conditions in effect are always in
 * sight as chips; the controls fold away so that the view keeps the screen. Every change is a new
 * address (back undoes it), and what the API refuses shows as the view's error.
 */
export function FilterBar() {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const address = useIncidentFilter();
  const [filter, setFilter] = usePendingFilter(address.filter, address.setFilter);
  const [{ data, fetching, error }] = useQuery({ query: FilterOptionsDocument });
  const names = useMemo(() => optionNames(data), [data]);
  const chips = filterChips(filter, names);
  return (
    <section className="filter-bar" aria-label="Incident filter">
      <div className="filter-summary">
        <button
          ref={toggle}
          type="button"
          className="filter-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => {
            setOpen(!open);
          }}
        >
          Filter{chips.length > 0 ? ` (${chips.length})` : ''}
        </button>
        <FilterChips chips={chips} onChange={setFilter} onRemoved={() => toggle.current?.focus()} />
      </div>
      <div id={panelId} className="filter-panel" hidden={!open}>
        <QueryState what="the filter's choices" fetching={fetching} error={error} data={data}>
          {(options) => <FilterControls options={options} filter={filter} onChange={setFilter} />}
        </QueryState>
      </div>
    </section>
  );
}
