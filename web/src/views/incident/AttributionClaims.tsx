import { Confidence } from '../../components/Confidence';
import { ActorLink } from '../../components/EntityLinks';
import { enumLabel } from '../../components/labels';
import { Empty } from '../../components/QueryState';
import { SourceList } from '../../components/SourceList';
import { graphql } from '../../gql';
import type { IncidentAttributionsFragment } from '../../gql/graphql';

graphql(`
  fragment IncidentAttributions on Incident {
    attributions {
      id
      actor {
        key
        name
      }
      basis
      status
      confidence
      claimedBy
      assessedAt
      sources {
        ...SourceFields
      }
    }
  }
`);

/** Every claim about who did it, strongest first, each with who made it, when and on what. */
export function AttributionClaims({ incident }: { incident: IncidentAttributionsFragment }) {
  if (incident.attributions.length === 0)
    return <Empty>No one has claimed or been credited with this incident.</Empty>;
  return (
    <table className="claims">
      <thead>
        <tr>
          <th scope="col">Actor</th>
          <th scope="col">Basis</th>
          <th scope="col">Status</th>
          <th scope="col">Confidence</th>
          <th scope="col">Claimed by</th>
          <th scope="col">Assessed</th>
          <th scope="col">Sources</th>
        </tr>
      </thead>
      <tbody>
        {incident.attributions.map((claim) => (
          <tr key={claim.id} data-claim={claim.id}>
            <th scope="row">
              <ActorLink actor={claim.actor} />
            </th>
            <td>{enumLabel(claim.basis)}</td>
            <td>{enumLabel(claim.status)}</td>
            <td>
              <Confidence value={claim.confidence} />
            </td>
            <td>{claim.claimedBy ?? <span className="muted">not named</span>}</td>
            <td>
              {claim.assessedAt ? (
                <time dateTime={claim.assessedAt}>{claim.assessedAt}</time>
              ) : (
                <span className="muted">not known</span>
              )}
            </td>
            <td>
              <SourceList sources={claim.sources} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
