import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { IncidentFilter } from '../gql/graphql';
import { filterFromParams, filterQueryString, paramsWithFilter } from './filter-params';

/** The shared filter of the current address, and a way to change it (a new history entry). */
export function useIncidentFilter(): {
  filter: IncidentFilter;
  setFilter: (filter: IncidentFilter) => void;
  /** `?…` with only the filter's parameters, for links to other views. */
  carried: string;
} {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  return {
    filter,
    setFilter: (next) => {
      setParams((current) => paramsWithFilter(next, current));
    },
    carried: filterQueryString(params),
  };
}
