import { Link, useLocation } from 'react-router';

export function NotFound() {
  const { pathname } = useLocation();
  return (
    <section className="page">
      <h1>No such view</h1>
      <p>
        The explorer has no page at <code>{pathname}</code>. <Link to="/">Go to the overview</Link>.
      </p>
    </section>
  );
}
