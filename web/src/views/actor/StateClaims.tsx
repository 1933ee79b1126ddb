import { Confidence } from '../../components/Confidence';
import { CountryLink } from '../../components/EntityLinks';
import { Empty } from '../../components/QueryState';
import { SourceList } from '../../components/SourceList';
import { graphql } from '../../gql';
import type { ActorStateClaimsFragment, StateClaimFieldsFragment } from '../../gql/graphql';

graphql(`
  fragment StateClaimFields on StateClaim {
    country {
      code
      name
    }
    confidence
    sources {
      ...SourceFields
    }
  }

  fragment ActorStateClaims on Actor {
    origin {
      ...StateClaimFields
    }
    sponsors {
      ...StateClaimFields
    }
  }
`);

/** Where the actor is said to operate from and which states are said to sponsor it, and on what. */
export function StateClaims({ actor }: { actor: ActorStateClaimsFragment }) {
  const claims = [
    ...(actor.origin ? [{ kind: 'Origin', claim: actor.origin }] : []),
    ...actor.sponsors.map((claim) => ({ kind: 'Sponsor', claim })),
  ];
  if (claims.length === 0) return <Empty>No one has publicly tied this actor to a state.</Empty>;
  return (
    <table className="claims">
      <thead>
        <tr>
          <th scope="col">Claim</th>
          <th scope="col">Country</th>
          <th scope="col">Confidence</th>
          <th scope="col">Sources</th>
        </tr>
      </thead>
      <tbody>
        {claims.map(({ kind, claim }) => (
          <StateClaimRow key={`${kind} ${claim.country.code}`} kind={kind} claim={claim} />
        ))}
      </tbody>
    </table>
  );
}

function StateClaimRow({ kind, claim }: { kind: string; claim: StateClaimFieldsFragment }) {
  return (
    <tr data-claim={kind.toLowerCase()}>
      <th scope="row">{kind}</th>
      <td>
        <CountryLink country={claim.country} />
      </td>
      <td>
        <Confidence value={claim.confidence} />
      </td>
      <td>
        <SourceList sources={claim.sources} />
      </td>
    </tr>
  );
}
