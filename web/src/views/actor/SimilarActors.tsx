import { useQuery } from 'urql';
import { ActorLink, CountryLinks, SectorLinks } from '../../components/EntityLinks';
import { Empty, QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { graphql } from '../../gql';
import type { IncidentFilter } from '../../gql/graphql';

const SimilarActorsQuery = graphql(`
  query SimilarActors($id: ID!, $filter: IncidentFilter) {
    coTargeting(actorId: $id, filter: $filter, first: 10) {
      score
      actor {
        key
        name
      }
      sharedSectors {
        key
        name
      }
      sharedCountries {
        code
        name
      }
    }
  }
`);

/** The actors whose incidents hit the same sectors and countries, most alike first. */
export function SimilarActors({ actorId, filter }: { actorId: string; filter: IncidentFilter }) {
  const [{ data, fetching, error }] = useQuery({
    query: SimilarActorsQuery,
    variables: { id: actorId, filter },
  });
  return (
    <Section title="Similar actors">
      <p className="muted">
        Actors whose incidents hit the same top-level sectors and countries. The score is the share
        of their targets they have in common (1: the same, 0: none).
      </p>
      <QueryState what="similar actors" fetching={fetching} error={error} data={data}>
        {({ coTargeting }) =>
          coTargeting.length === 0 ? (
            <Empty>No actor shares its targets under this filter.</Empty>
          ) : (
            <table className="similar-actors">
              <thead>
                <tr>
                  <th scope="col">Actor</th>
                  <th scope="col" className="number">
                    Score
                  </th>
                  <th scope="col">Shared sectors</th>
                  <th scope="col">Shared countries</th>
                </tr>
              </thead>
              <tbody>
                {coTargeting.map((match) => (
                  <tr key={match.actor.key}>
                    <th scope="row">
                      <ActorLink actor={match.actor} />
                    </th>
                    <td className="number">{match.score.toFixed(2)}</td>
                    <td>
                      <SectorLinks sectors={match.sharedSectors} />
                    </td>
                    <td>
                      <CountryLinks countries={match.sharedCountries} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </Section>
  );
}
