import { problemOf } from '../api/problem';
import { ErrorState } from '../components/QueryState';
import type { SchemaOutcome } from './fetcher';

/**
 * Why GraphiQL has no docs or completion. An introspection the API refuses as invalid is one it
 * does not allow at all (the introspection query itself is valid): said in those words, since
 * queries still run. Anything else (sign-in needed, API unreachable) is the explorer's usual error.
 */
export function SchemaNotice({ outcome }: { outcome: SchemaOutcome }) {
  if (outcome.kind === 'schema') return null;
  if (problemOf(outcome.error).kind !== 'input') return <ErrorState error={outcome.error} />;
  return (
    <div className="state graphiql-notice" role="status">
      <strong>This API does not answer introspection</strong>
      <p>
        Its operator turned schema introspection off (<code>GRAPHQL_INTROSPECTION=false</code>), so
        GraphiQL has no documentation and no completion. Queries still run.
      </p>
    </div>
  );
}
