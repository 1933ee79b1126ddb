import { NavLink, Outlet, useMatches } from 'react-router';
import { FilterBar } from '../filter/FilterBar';
import { showsFilterBar } from './route-handle';
import { SearchBox } from './SearchBox';
import { SignIn } from './SignIn';

/** The frame of every view: a skip link, the header (navigation, search, sign-in), the filter. */
export function AppShell() {
  const matches = useMatches();
  const filterBar = matches.some((match) => showsFilterBar(match.handle));
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand" end>
          Cyber Incident Graph
        </NavLink>
        <nav aria-label="Views">
          <NavLink to="/" end>
            Overview
          </NavLink>
          <NavLink to="/graph">Graph</NavLink>
          <NavLink to="/cross-border">Cross-border</NavLink>
          <NavLink to="/matrix">Matrix</NavLink>
          <NavLink to="/timeline">Timeline</NavLink>
          <NavLink to="/map">Map</NavLink>
          <NavLink to="/attribution">Attribution</NavLink>
          <NavLink to="/graphiql">GraphiQL</NavLink>
        </nav>
        <SearchBox />
        <SignIn />
      </header>
      {filterBar && <FilterBar />}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
