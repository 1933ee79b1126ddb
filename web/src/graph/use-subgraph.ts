import { useMemo } from 'react';
import { useQuery, type CombinedError } from 'urql';
import { graphql } from '../gql';
import type { IncidentFilter } from '../gql/graphql';
import { mergeAnswers, type SubgraphAnswer } from './graph-elements.js';

/** The most nodes one neighbourhood answer may hold; the view says when the cap cut it short. */
export const neighbourhoodLimit = 500;

graphql(`
  fragment GraphViewSubgraph on Subgraph {
    nodes {
      graphology
    }
    edges {
      graphology
    }
    truncated
  }
`);

const NeighbourhoodQuery = graphql(`
  query GraphViewNeighbourhood($ids: [ID!]!, $limit: Int!, $filter: IncidentFilter) {
    neighborhood(ids: $ids, depth: 1, limit: $limit, filter: $filter) {
      ...GraphViewSubgraph
    }
  }
`);

const ProjectionQuery = graphql(`
  query GraphViewProjection($filter: IncidentFilter) {
    projection(filter: $filter) {
      ...GraphViewSubgraph
    }
  }
`);

export interface SubgraphState {
  fetching: boolean;
  error: CombinedError | undefined;
  /** Undefined until every part asked for has answered. */
  subgraph: (SubgraphAnswer & { truncated: boolean }) | undefined;
}

/**
 * The subgraph the address asks for: the start nodes' neighbourhood (one hop of each, every edge
 * among the nodes found, incidents only where they pass the filter), the filter's projection
 * (actors linked to the sectors and countries their incidents hit), or both merged. One query for
 * all the start nodes rather than one per expansion, so that the edges between the nodes of two
 * expansions are there too.
 */
export function useSubgraph(
  startNodes: string[],
  withProjection: boolean,
  filter: IncidentFilter,
): SubgraphState {
  const withNodes = startNodes.length > 0;
  const [neighbourhood] = useQuery({
    query: NeighbourhoodQuery,
    variables: { ids: startNodes, limit: neighbourhoodLimit, filter },
    pause: !withNodes,
  });
  const [projection] = useQuery({
    query: ProjectionQuery,
    variables: { filter },
    pause: !withProjection,
  });
  const around = withNodes ? neighbourhood.data?.neighborhood : undefined;
  const projected = withProjection ? projection.data?.projection : undefined;
  const subgraph = useMemo(() => {
    if ((withNodes && around === undefined) || (withProjection && projected === undefined))
      return undefined;
    const parts = [around, projected].filter((part) => part !== undefined);
    const [first, second] = parts;
    if (first === undefined) return undefined;
    const merged = second === undefined ? first : mergeAnswers(first, second);
    return { ...merged, truncated: parts.some((part) => part.truncated) };
  }, [withNodes, withProjection, around, projected]);
  return {
    fetching: (withNodes && neighbourhood.fetching) || (withProjection && projection.fetching),
    error:
      (withNodes ? neighbourhood.error : undefined) ??
      (withProjection ? projection.error : undefined),
    subgraph,
  };
}
