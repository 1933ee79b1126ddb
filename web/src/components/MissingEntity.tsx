import { Link } from 'react-router';
import { searchPath } from '../links';
import { Empty } from './QueryState';

/** What a page shows when the API has no such object: said so, with a way to look for it. */
export function MissingEntity({ kind, id }: { kind: string; id: string }) {
  return (
    <>
      <h1>No such {kind}</h1>
      <Empty>
        There is no {kind} <code>{id}</code>. <Link to={searchPath(id)}>Search for “{id}”</Link>.
      </Empty>
    </>
  );
}
