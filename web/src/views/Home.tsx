import { useQuery } from 'urql';
import { QueryState } from '../components/QueryState';
import { Section } from '../components/Section';
import { useIncidentFilter } from '../filter/use-filter';
import { graphql } from '../gql';
import { BusiestTables } from './home/BusiestTables';
import { HeadlineFigures } from './home/HeadlineFigures';
import { LatestIncidents } from './home/LatestIncidents';

/** How many incidents, and how many of the busiest actors, sectors and countries, it lists. */
const LATEST = 10;
const BUSIEST = 8;

const HomeQuery = graphql(`
  query Home($filter: IncidentFilter, $latest: Int!, $busiest: Int!) {
    stats(filter: $filter) {
      incidents
      actors
      sectors
      countriesAffected
      attributedIncidents
      unattributedIncidents
    }
    topActors(filter: $filter, first: $busiest) {
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
    topSectors(filter: $filter, first: $busiest) {
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
    topCountries(filter: $filter, first: $busiest) {
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

/** The overview: the filter's headline figures, who and what it involves most, its latest incidents. */
export function Home() {
  const { filter } = useIncidentFilter();
  const [{ data, fetching, error }] = useQuery({
    query: HomeQuery,
    variables: { filter, latest: LATEST, busiest: BUSIEST },
  });
  return (
    <section className="page home">
      <h1>Overview</h1>
      <QueryState what="the overview" fetching={fetching} error={error} data={data}>
        {({ stats, topActors, topSectors, topCountries, latest }) => (
          <>
            <HeadlineFigures stats={stats} />
            <BusiestTables
              topActors={topActors}
              topSectors={topSectors}
              topCountries={topCountries}
            />
            <Section title="Latest incidents">
              <LatestIncidents incidents={latest.edges.map((edge) => edge.node)} />
            </Section>
          </>
        )}
      </QueryState>
    </section>
  );
}
