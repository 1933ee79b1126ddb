import { IncidentLink } from '../../components/EntityLinks';
import { Empty } from '../../components/QueryState';
import type { HomeQuery } from '../../gql/graphql';

type Incident = HomeQuery['latest']['edges'][number]['node'];

/** The most recent incidents under the filter, each dated at the precision it is known to. */
export function LatestIncidents({ incidents }: { incidents: readonly Incident[] }) {
  if (incidents.length === 0) return <Empty>No incident passes the filter.</Empty>;
  return (
    <ol className="incident-items">
      {incidents.map((incident) => (
        <li key={incident.key}>
          <time dateTime={incident.date}>{incident.date}</time>
          <IncidentLink incident={incident} />
        </li>
      ))}
    </ol>
  );
}
