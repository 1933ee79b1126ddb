import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** What a view that threw shows instead of a blank page. */
export function RouteError() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <main className="page" role="alert">
      <h1>This view failed</h1>
      <p>{detail}</p>
      <p>
        <Link to="/">Back to the overview</Link>
      </p>
    </main>
  );
}
