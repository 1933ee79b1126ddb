import { Link } from 'react-router';
import { useQuery } from 'urql';
import { QueryState } from '../components/QueryState';
import { incidentPath } from '../links';
import { useIncidentFilter } from '../filter/use-filter';
import { graphql } from '../gql';

const HomeQuery = graphql(`
  query Home($filter: IncidentFilter) {
    stats(filter: $filter) {
      incidents
      actors
      sectors
      countriesAffected
      attributedIncidents
      unattributedIncidents
    }
    incidents(filter: $filter, first: 10, orderBy: { field: START_DATE, direction: DESC }) {
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

/** The overview: the headline figures of the filter and the latest incidents. */
export function Home() {
  const { filter } = useIncidentFilter();
  const [{ data, fetching, error }] = useQuery({ query: HomeQuery, variables: { filter } });
  return (
    <section className="page">
      <h1>Overview</h1>
      <QueryState what="the overview" fetching={fetching} error={error} data={data}>
        {({ stats, incidents }) => (
          <>
            <dl className="figures">
              <div>
                <dt>Incidents</dt>
                <dd data-figure="incidents">{stats.incidents}</dd>
              </div>
              <div>
                <dt>Actors</dt>
                <dd data-figure="actors">{stats.actors}</dd>
              </div>
            </dl>
            <h2>Latest incidents</h2>
            <ul>
              {incidents.edges.map(({ node }) => (
                <li key={node.key}>
                  <Link to={incidentPath(node.key)}>{node.title}</Link> <time>{node.date}</time>
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryState>
    </section>
  );
}
