import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { problemOf } from '../api/problem';

/** A request in flight: announced to screen readers, shown as a quiet line. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** A question with no answer under the current filter — said so, never a blank space. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

/** A failed request, by what the analyst can do about it (database down, sign in, bad input). */
export function ErrorState({ error }: { error: CombinedError }) {
  const problem = problemOf(error);
  return (
    <div className={`state state-error problem-${problem.kind}`} role="alert">
      <strong>{problem.title}</strong>
      <p>{problem.detail}</p>
    </div>
  );
}

interface QueryStateProps<T> {
  what: string;
  fetching: boolean;
  error: CombinedError | undefined;
  data: T | undefined;
  children: (data: T) => ReactNode;
}

/** The one way a view shows a query's loading, error and answer states. */
export function QueryState<T>({ what, fetching, error, data, children }: QueryStateProps<T>) {
  if (error) return <ErrorState error={error} />;
  if (data === undefined) return fetching ? <Loading what={what} /> : null;
  return <>{children(data)}</>;
}
