import { Link } from 'react-router';
import { Empty } from '../../components/QueryState';

/** One actor, sector or country with the filter's incidents counted for it. */
export interface BusiestRow {
  key: string;
  name: string;
  /** Its page, the filter carried. */
  path: string;
  incidentCount: number;
  firstDate: string;
  lastDate: string;
}

/** The years the counted incidents span: `2017–2024`, or one year. */
const yearsOf = (first: string, last: string): string => {
  const [from, to] = [first.slice(0, 4), last.slice(0, 4)];
  return from === to ? from : `${from}–${to}`;
};

/** A busiest-first list of the overview: each name a link, its incident count and years. */
export function BusiestList({
  title,
  nameHeading,
  rows,
}: {
  title: string;
  nameHeading: string;
  rows: readonly BusiestRow[];
}) {
  const headingId = `busiest-${nameHeading.toLowerCase()}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {rows.length === 0 ? (
        <Empty>None under the filter.</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{nameHeading}</th>
              <th scope="col" className="number">
                Incidents
              </th>
              <th scope="col">Years</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <td>
                  <Link to={row.path}>{row.name}</Link>
                </td>
                <td className="number">{row.incidentCount}</td>
                <td className="muted home-date">{yearsOf(row.firstDate, row.lastDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
