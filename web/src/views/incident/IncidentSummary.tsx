import { Link } from 'react-router';
import { Fact, Facts, Tags } from '../../components/Facts';
import { enumLabel } from '../../components/labels';
import { graphql } from '../../gql';
import type { IncidentSummaryFragment } from '../../gql/graphql';
import { graphPath } from '../../links';

graphql(`
  fragment IncidentSummary on Incident {
    id
    title
    description
    date
    startDate
    endDate
    datePrecision
    attackTypes
    objective
  }
`);

/**
 * What happened and when. Dates are shown as the source knows them: "2022-02" stays a month, and
 * the period gives the first and last day it may cover.
 */
export function IncidentSummary({
  incident,
  attackTypeNames,
}: {
  incident: IncidentSummaryFragment;
  attackTypeNames: ReadonlyMap<string, string>;
}) {
  return (
    <header className="entity-header">
      <h1>{incident.title}</h1>
      <p className="entity-kind">
        <span className="tag">Incident</span>
        <Link to={graphPath(incident.id)}>Show in the graph</Link>
      </p>
      {incident.description && <p className="entity-description">{incident.description}</p>}
      <Facts>
        <Fact term="Date" field="date">
          <time dateTime={incident.date}>{incident.date}</time>{' '}
          <span className="muted">(known to the {incident.datePrecision.toLowerCase()})</span>
        </Fact>
        <Fact term="Period" field="period">
          <time dateTime={incident.startDate}>{incident.startDate}</time> –{' '}
          <time dateTime={incident.endDate}>{incident.endDate}</time>
        </Fact>
        <Fact term="Attack types" field="attack-types">
          <Tags values={incident.attackTypes.map((type) => attackTypeNames.get(type) ?? type)} />
        </Fact>
        <Fact term="Objective">{incident.objective && enumLabel(incident.objective)}</Fact>
      </Facts>
    </header>
  );
}
