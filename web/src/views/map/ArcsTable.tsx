import { Link } from 'react-router';
import { countryPath } from '../../links';
import type { Arc } from './map-data';

interface ArcsTableProps {
  arcs: { arcs: Arc[]; offMap: Arc[]; unknownOrigin: number };
  /** Lines the arcs were drawn from, of `totalCount`. */
  shown: number;
  totalCount: number;
  carried: string;
}

/** The arcs' numbers: origin → affected country, incidents and lines, each end a link. */
export function ArcsTable({ arcs, shown, totalCount, carried }: ArcsTableProps) {
  const all = [...arcs.arcs, ...arcs.offMap];
  if (all.length === 0) return null;
  const link = (place: { code: string; name: string }) => (
    <Link to={`${countryPath(place.code)}${carried}`}>{place.name}</Link>
  );
  return (
    <table className="count-table" data-testid="arcs-table">
      <caption>
        Cross-border arcs, from the busiest {shown} of {totalCount} lines (actor × sector ×
        country); incidents summed over a pair&apos;s lines
        {arcs.offMap.length > 0 && `; ${arcs.offMap.length} pairs have an end too small to draw`}
      </caption>
      <thead>
        <tr>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col" className="number">
            Incidents
          </th>
          <th scope="col" className="number">
            Lines
          </th>
        </tr>
      </thead>
      <tbody>
        {all.map((arc) => (
          <tr key={`${arc.from.code}→${arc.to.code}`}>
            <th scope="row">{link(arc.from)}</th>
            <td>{link(arc.to)}</td>
            <td className="number">{arc.incidents}</td>
            <td className="number">{arc.lines}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
