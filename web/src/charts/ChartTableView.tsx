import type { ChartTable } from './chart-files';

/** The chart's numbers as a table: what a screen reader reads, and what a CSV holds. */
export function ChartTableView({ caption, table }: { caption: string; table: ChartTable }) {
  return (
    <div className="chart-table">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            // Rows have no key of their own; their order is the table's.
            <tr key={index}>
              {row.map((cell, column) =>
                column === 0 ? (
                  <th key={column} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={column} className={typeof cell === 'number' ? 'number' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
