import { useQuery } from 'urql';
import { QueryState } from '../components/QueryState';
import { useIncidentFilter } from '../filter/use-filter';
import { graphql } from '../gql';
import { HeadlineFigures } from './home/HeadlineFigures';
import { LatestIncidents } from './home/LatestIncidents';

/** How many incidents the overview lists. */
const LATEST = 10;

const HomeQuery = graphql(`
  query Home($filter: IncidentFilter, $latest: Int!) {
    stats(filter: $filter) {
      incidents
      actors
      sectors
      countriesAffected
      attributedIncidents
      unattributedIncidents
    }
    latest: incidents(
      filter: $filter
      first: $latest
      orderBy: { field: START_DATE, direction: DESC }
    ) {
      edges {
        node {
          key
          title
          date
        }
      }
    }
  }
`);

/** The overview: the filter's headline figures and its latest incidents. */
export function Home() {
  const { filter, carried } = useIncidentFilter();
  const [{ data, fetching, error }] = useQuery({
    query: HomeQuery,
    variables: { filter, latest: LATEST },
  });
  return (
    <section className="page home">
      <h1>Overview</h1>
      <QueryState what="the overview" fetching={fetching} error={error} data={data}>
        {({ stats, latest }) => (
          <>
            <HeadlineFigures stats={stats} />
            <section aria-labelledby="home-latest">
              <h2 id="home-latest">Latest incidents</h2>
              <LatestIncidents
                incidents={latest.edges.map((edge) => edge.node)}
                carried={carried}
              />
            </section>
          </>
        )}
      </QueryState>
    </section>
  );
}
