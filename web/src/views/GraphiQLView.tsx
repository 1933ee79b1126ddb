import { GraphiQL } from 'graphiql';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { useMemo, useState } from 'react';
import { useSession } from '../api/session';
import { explorerFetcher, type SchemaOutcome } from '../graphiql/fetcher';
import { SchemaNotice } from '../graphiql/SchemaNotice';

const defaultQuery = `# Headline figures and the five busiest actors.
# Ctrl-Enter runs it; the book icon opens the docs.
{
  stats {
    incidents
    actors
    sectors
    countriesAffected
  }
  actors(
    first: 5
    orderBy: {
      field: INCIDENT_COUNT
      direction: DESC
    }
  ) {
    totalCount
    edges {
      node {
        id
        name
        type
      }
    }
  }
}
`;

/**
 * GraphiQL, bundled (editor workers included) so that it works with no other host, talking to
 * this API with the signed-in credential. A new credential is a new fetcher, which makes GraphiQL
 * introspect again: the docs follow what the new role may read.
 */
export function GraphiQLView() {
  const { credential } = useSession();
  const [outcome, setOutcome] = useState<SchemaOutcome>({ kind: 'schema' });
  const fetcher = useMemo(() => explorerFetcher(credential, setOutcome), [credential]);
  return (
    <section className="graphiql-view" aria-labelledby="graphiql-heading">
      <h1 id="graphiql-heading" className="graphiql-heading">
        GraphiQL
      </h1>
      <SchemaNotice outcome={outcome} />
      <div className="graphiql-frame">
        <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />
      </div>
    </section>
  );
}
