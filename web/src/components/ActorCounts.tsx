import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { ActorCountsQuery, IncidentFilter } from '../gql/graphql';
import { CountTable, countTableSize } from './CountTable';
import { ActorLink } from './EntityLinks';
import { QueryState } from './QueryState';

/*
 * Sectors and countries count the actors behind their incidents alike (`Sector.actors`,
 * `Country.targetingActors`), so one query serves both, the owner named by its global id.
 */
const ActorCounts = graphql(`
  query ActorCounts($owner: ID!, $filter: IncidentFilter, $first: Int!) {
    node(id: $owner) {
      ... on Sector {
        actors(filter: $filter, first: $first) {
          ...ActorCountRows
        }
      }
      ... on Country {
        targetingActors(filter: $filter, first: $first) {
          ...ActorCountRows
        }
      }
    }
  }

  fragment ActorCountRows on ActorCountConnection {
    totalCount
    edges {
      incidentCount
      firstDate
      lastDate
      node {
        key
        name
      }
    }
  }
`);

type Owner = NonNullable<ActorCountsQuery['node']>;

const countsOf = (owner: Owner | null) =>
  owner === null
    ? null
    : 'actors' in owner
      ? owner.actors
      : 'targetingActors' in owner
        ? owner.targetingActors
        : null;

/** The actors behind a sector's or a country's incidents under the filter, busiest first. */
export function ActorCountTable({ ownerId, filter }: { ownerId: string; filter: IncidentFilter }) {
  const [{ data, fetching, error }] = useQuery({
    query: ActorCounts,
    variables: { owner: ownerId, filter, first: countTableSize },
  });
  return (
    <QueryState what="the actors" fetching={fetching} error={error} data={data}>
      {({ node }) => {
        const counts = countsOf(node);
        return (
          counts && (
            <CountTable
              caption="Incidents per actor"
              subject="Actor"
              totalCount={counts.totalCount}
              empty="No actor is named for these incidents under this filter."
              rows={counts.edges.map(({ node: actor, ...dates }) => ({
                key: actor.key,
                subject: <ActorLink actor={actor} />,
                ...dates,
              }))}
            />
          )
        );
      }}
    </QueryState>
  );
}
