import { useQuery } from 'urql';
import { Empty, QueryState } from '../../components/QueryState';
import { enumLabel } from '../../components/labels';
import { graphql } from '../../gql';
import { changedFields } from './hypothesis-steps';

const HypothesisChangesQuery = graphql(`
  query HypothesisChanges($entityId: ID!) {
    changes(entityId: $entityId, first: 20) {
      totalCount
      edges {
        node {
          id
          at
          by
          via
          action
          before
          after
        }
      }
    }
  }
`);

/**
 * The hypothesis's audit trail, oldest step first: who did what when, and what it changed. Read
 * afresh for each version (the caller keys it by version), so a new step shows at once.
 */
export function AuditTrail({ hypothesisId }: { hypothesisId: string }) {
  const [{ data, fetching, error }] = useQuery({
    query: HypothesisChangesQuery,
    variables: { entityId: `Hypothesis:${hypothesisId}` },
    requestPolicy: 'network-only',
  });
  return (
    <details className="audit-trail" open>
      <summary>Audit trail</summary>
      <QueryState what="the audit trail" fetching={fetching} error={error} data={data}>
        {({ changes }) =>
          changes.edges.length === 0 ? (
            <Empty>No recorded change.</Empty>
          ) : (
            <ol className="audit-steps">
              {[...changes.edges].reverse().map(({ node }) => (
                <li key={node.id} data-action={node.action}>
                  <time dateTime={node.at}>{node.at.replace('T', ' ').slice(0, 19)}</time>{' '}
                  <strong>{enumLabel(node.action)}</strong> by {node.by} ({node.via}):{' '}
                  <span className="change-fields">
                    {changedFields(node.before ?? null, node.after ?? null).join('; ') ||
                      'no field changed'}
                  </span>
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
    </details>
  );
}
