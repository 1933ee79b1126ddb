import { useSearchParams } from 'react-router';
import { IncidentPicker } from './attribution/IncidentPicker';
import { IncidentWorkbench } from './attribution/IncidentWorkbench';
import { UnattributedIncidents } from './attribution/UnattributedIncidents';
import { workbenchStateOf } from './attribution/workbench-address';

/**
 * The attribution workbench (`/attribution`): pick an incident (by default from the unattributed
 * ones under the filter), weigh the candidates the graph suggests, compare two, and record,
 * support and promote a hypothesis. The incident and the comparison are in the address.
 */
export function AttributionView() {
  const [params] = useSearchParams();
  const { incident, compare, after } = workbenchStateOf(params);
  return (
    <section className="page attribution">
      <h1>Attribution workbench</h1>
      <IncidentPicker key={incident ?? ''} current={incident} />
      {incident === null ? (
        <UnattributedIncidents after={after} />
      ) : (
        <IncidentWorkbench key={incident} incidentKey={incident} compare={compare} />
      )}
    </section>
  );
}
