import { useQuery } from 'urql';
import { QueryState } from '../components/QueryState';
import { useIncidentFilter } from '../filter/use-filter';
import { graphql } from '../gql';
import { actorPath, countryPath, sectorPath } from '../links';
import { BusiestList } from './home/BusiestList';
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
  const { filter, carried } = useIncidentFilter();
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
            <div className="home-busiest">
              <BusiestList
                title="Busiest actors"
                nameHeading="Actor"
                rows={topActors.edges.map(({ node, ...counts }) => ({
                  ...counts,
                  key: node.key,
                  name: node.name,
                  path: actorPath(node.key) + carried,
                }))}
              />
              <BusiestList
                title="Most-hit sectors"
                nameHeading="Sector"
                rows={topSectors.edges.map(({ node, ...counts }) => ({
                  ...counts,
                  key: node.key,
                  name: node.name,
                  path: sectorPath(node.key) + carried,
                }))}
              />
              <BusiestList
                title="Most-affected countries"
                nameHeading="Country"
                rows={topCountries.edges.map(({ node, ...counts }) => ({
                  ...counts,
                  key: node.code,
                  name: node.name,
                  path: countryPath(node.code) + carried,
                }))}
              />
            </div>
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
