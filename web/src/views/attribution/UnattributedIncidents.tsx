import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { IncidentItem } from '../../components/IncidentList';
import { Empty, QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useIncidentFilter } from '../../filter/use-filter';
import { graphql } from '../../gql';
import { withIncident, withListPage } from './workbench-address';

/** A modest page: the list is where an analyst picks one incident, not a report. */
const pageSize = 20;

const UnattributedIncidentsQuery = graphql(`
  query UnattributedIncidents($filter: IncidentFilter!, $first: Int!, $after: String) {
    incidents(
      filter: $filter
      first: $first
      after: $after
      orderBy: { field: START_DATE, direction: DESC }
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...IncidentListItem
        }
      }
    }
  }
`);

/** The incidents under the shared filter that no claim attributes, newest first, a page at a time. */
export function UnattributedIncidents({ after }: { after: string | null }) {
  const { filter } = useIncidentFilter();
  const [params, setParams] = useSearchParams();
  const [{ data, fetching, error }] = useQuery({
    query: UnattributedIncidentsQuery,
    variables: { filter: { ...filter, attributed: false }, first: pageSize, after },
  });
  return (
    <Section title="Unattributed incidents">
      {filter.attributed === true && (
        <p className="muted">
          The filter asks for attributed incidents; this list shows those it would keep but that no
          claim attributes.
        </p>
      )}
      <QueryState what="unattributed incidents" fetching={fetching} error={error} data={data}>
        {({ incidents }) =>
          incidents.edges.length === 0 ? (
            <Empty>No unattributed incident passes the filter.</Empty>
          ) : (
            <>
              <p className="muted" data-figure="unattributed-count">
                {incidents.totalCount} unattributed{' '}
                {incidents.totalCount === 1 ? 'incident' : 'incidents'}, newest first
              </p>
              <ol className="incident-items unattributed-items">
                {incidents.edges.map(({ node }) => (
                  <li key={node.key} data-incident={node.key}>
                    <IncidentItem incident={node} />{' '}
                    <Link
                      className="weigh-link"
                      to={`?${withIncident(params, node.key)}`}
                      aria-label={`Weigh candidates for ${node.title}`}
                    >
                      Weigh candidates
                    </Link>
                  </li>
                ))}
              </ol>
              <div className="pager">
                {after !== null && (
                  <button
                    type="button"
                    onClick={() => {
                      setParams(withListPage(params, null));
                    }}
                  >
                    First page
                  </button>
                )}
                {incidents.pageInfo.hasNextPage && incidents.pageInfo.endCursor != null && (
                  <button
                    type="button"
                    onClick={() => {
                      setParams(withListPage(params, incidents.pageInfo.endCursor ?? null));
                    }}
                  >
                    Next page
                  </button>
                )}
              </div>
            </>
          )
        }
      </QueryState>
    </Section>
  );
}
