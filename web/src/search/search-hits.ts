import { graphql } from '../gql';
import { enumLabel } from '../components/labels';
import type { SearchHitFieldsFragment } from '../gql/graphql';
import { actorPath, incidentPath } from '../links';

/** What the explorer shows of a search hit, whichever the view. */
graphql(`
  fragment SearchHitFields on SearchResult {
    __typename
    ... on Actor {
      key
      name
      aliases
      type
    }
    ... on Incident {
      key
      title
      date
    }
  }
`);

export type SearchHitNode = SearchHitFieldsFragment;

/** A hit as one line: what it is called, what tells it apart, and where it leads. */
export interface HitLine {
  /** Unique within an answer (actors and incidents may share a key). */
  id: string;
  label: string;
  detail: string;
  path: string;
}

/** `carried` is the filter's `?…`, so that following a hit keeps the filter. */
export function hitLine(hit: SearchHitNode, carried: string): HitLine {
  if (hit.__typename === 'Actor')
    return {
      id: `actor:${hit.key}`,
      label: hit.name,
      detail: enumLabel(hit.type),
      path: actorPath(hit.key) + carried,
    };
  return {
    id: `incident:${hit.key}`,
    label: hit.title,
    detail: hit.date,
    path: incidentPath(hit.key) + carried,
  };
}
