import { Link } from 'react-router';
import { actorPath, countryPath, sectorPath } from '../../links';
import { UNKNOWN_ORIGIN, lineColumns, type CrossBorderLine } from './cross-border-lines';

interface LinesTableProps {
  caption: string;
  testId: string;
  lines: readonly CrossBorderLine[];
  /** The filter (`?…`), carried by every link. */
  carried: string;
}

/** Cross-border lines, ranked as the API gave them; every actor, sector and country a link. */
export function LinesTable({ caption, testId, lines, carried }: LinesTableProps) {
  return (
    <table className="lines-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {lineColumns.map((column) => (
            <th key={column} scope="col" className={column === 'Incidents' ? 'number' : undefined}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={`${line.actor.key}|${line.sector.key}|${line.affectedCountry.code}`}>
            <th scope="row">
              <Link to={`${actorPath(line.actor.key)}${carried}`}>{line.actor.name}</Link>
            </th>
            <td>
              {line.origin ? (
                <Link to={`${countryPath(line.origin.code)}${carried}`}>{line.origin.name}</Link>
              ) : (
                UNKNOWN_ORIGIN
              )}
            </td>
            <td>
              <Link to={`${sectorPath(line.sector.key)}${carried}`}>{line.sector.name}</Link>
            </td>
            <td>
              <Link to={`${countryPath(line.affectedCountry.code)}${carried}`}>
                {line.affectedCountry.name}
              </Link>
            </td>
            <td className="number">{line.incidentCount}</td>
            <td>{line.firstDate ?? ''}</td>
            <td>{line.lastDate ?? ''}</td>
            <td>{line.reported ? 'yes' : 'no'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
