import { useQuery } from 'urql';
import { CountTable, countTableSize } from '../../components/CountTable';
import { CountryLink, SectorLink } from '../../components/EntityLinks';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { graphql } from '../../gql';
import type { IncidentFilter } from '../../gql/graphql';

const ActorTargetsQuery = graphql(`
  query ActorTargets($id: ID!, $filter: IncidentFilter, $first: Int!) {
    actor(id: $id) {
      id
      sectors(filter: $filter, first: $first) {
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
      targetCountries(filter: $filter, first: $first) {
        totalCount
        edges {
          incidentCount
          firstDate
          lastDate
          node {
            code
            name
          }
        }
      }
    }
  }
`);

/** The sectors and countries the actor's incidents hit under the filter, busiest first. */
export function ActorTargets({ actorId, filter }: { actorId: string; filter: IncidentFilter }) {
  const [{ data, fetching, error }] = useQuery({
    query: ActorTargetsQuery,
    variables: { id: actorId, filter, first: countTableSize },
  });
  return (
    <Section title="Targets">
      <QueryState what="the targets" fetching={fetching} error={error} data={data}>
        {({ actor }) =>
          actor && (
            <>
              <CountTable
                caption="Incidents per sector"
                subject="Sector"
                totalCount={actor.sectors.totalCount}
                empty="No sector under this filter."
                rows={actor.sectors.edges.map(({ node, ...counts }) => ({
                  key: node.key,
                  subject: <SectorLink sector={node} />,
                  ...counts,
                }))}
              />
              <CountTable
                caption="Incidents per country"
                subject="Country"
                totalCount={actor.targetCountries.totalCount}
                empty="No country under this filter."
                rows={actor.targetCountries.edges.map(({ node, ...counts }) => ({
                  key: node.code,
                  subject: <CountryLink country={node} />,
                  ...counts,
                }))}
              />
            </>
          )
        }
      </QueryState>
    </Section>
  );
}
