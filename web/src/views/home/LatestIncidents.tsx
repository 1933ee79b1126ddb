import { Link } from 'react-router';
import { Empty } from '../../components/QueryState';
import type { HomeQuery } from '../../gql/graphql';
import { incidentPath } from '../../links';

type Incident = HomeQuery['latest']['edges'][number]['node'];

/** The most recent incidents under the filter, each dated at the precision it is known to. */
export function LatestIncidents({
  incidents,
  carried,
}: {
  incidents: readonly Incident[];
  carried: string;
}) {
  if (incidents.length === 0) return <Empty>No incident passes the filter.</Empty>;
  return (
    <table className="home-latest">
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Incident</th>
        </tr>
      </thead>
      <tbody>
        {incidents.map((incident) => (
          <tr key={incident.key}>
            <td className="home-date">
              <time dateTime={incident.date}>{incident.date}</time>
            </td>
            <td>
              <Link to={incidentPath(incident.key) + carried}>{incident.title}</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
