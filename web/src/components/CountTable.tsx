import type { ReactNode } from 'react';
import { Empty } from './QueryState';

/** One line of a count connection: what was hit (or who hit it), how often, and when. */
export interface CountRow {
  key: string;
  subject: ReactNode;
  incidentCount: number;
  firstDate: string;
  lastDate: string;
}

interface CountTableProps {
  caption: string;
  /** The heading of the first column: Sector, Country, Actor. */
  subject: string;
  rows: readonly CountRow[];
  /** How many there are in all; more than `rows` when the list was cut short. */
  totalCount: number;
  empty: string;
}

/** The sectors, countries or actors behind a set of incidents, busiest first, with their dates. */
export function CountTable({ caption, subject, rows, totalCount, empty }: CountTableProps) {
  if (rows.length === 0) return <Empty>{empty}</Empty>;
  return (
    <table className="count-table">
      <caption>
        {caption}
        {totalCount > rows.length && (
          <span className="muted">
            {' '}
            (the {rows.length} busiest of {totalCount})
          </span>
        )}
      </caption>
      <thead>
        <tr>
          <th scope="col">{subject}</th>
          <th scope="col" className="number">
            Incidents
          </th>
          <th scope="col">First</th>
          <th scope="col">Last</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-key={row.key}>
            <th scope="row">{row.subject}</th>
            <td className="number">{row.incidentCount}</td>
            <td>
              <time dateTime={row.firstDate}>{row.firstDate}</time>
            </td>
            <td>
              <time dateTime={row.lastDate}>{row.lastDate}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** How many lines a count table asks for: every line the seeds and most real actors have. */
export const countTableSize = 100;
