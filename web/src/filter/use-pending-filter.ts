import { useState } from 'react';
import type { IncidentFilter } from '../gql/graphql';

/**
 * The filter as the controls show it: the one just chosen until the address has caught up. React
 * Router applies a new address in a transition, and a controlled checkbox would spring back to
 * the old value meanwhile (a flicker, and a state a screen reader announces).
 */
export function usePendingFilter(
  filter: IncidentFilter,
  setFilter: (filter: IncidentFilter) => void,
): [IncidentFilter, (filter: IncidentFilter) => void] {
  const [pending, setPending] = useState<{ over: IncidentFilter; next: IncidentFilter } | null>(
    null,
  );
  // A new filter from the address (the change arrived, or back was pressed) ends the wait.
  const shown = pending !== null && pending.over === filter ? pending.next : filter;
  const change = (next: IncidentFilter) => {
    setPending({ over: filter, next });
    setFilter(next);
  };
  return [shown, change];
}
