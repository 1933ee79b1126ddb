import { ActorLink } from '../../components/EntityLinks';
import { Empty } from '../../components/QueryState';
import { graphql } from '../../gql';
import type {
  ActorAffiliationsFragment,
  AffiliationDirection,
  AffiliationKind,
} from '../../gql/graphql';

graphql(`
  fragment ActorAffiliations on Actor {
    affiliations {
      kind
      direction
      actor {
        key
        name
      }
    }
  }
`);

/** How the tie reads from this actor's side: OUTGOING is "this actor is … of the other". */
const relation: Record<AffiliationKind, Record<AffiliationDirection, string>> = {
  SUBGROUP: { OUTGOING: 'Subgroup of', INCOMING: 'Has the subgroup' },
  ALIAS_OF: { OUTGOING: 'Alias of', INCOMING: 'Has the alias' },
  COOPERATES: { OUTGOING: 'Cooperates with', INCOMING: 'Cooperates with' },
};

export function Affiliations({ actor }: { actor: ActorAffiliationsFragment }) {
  if (actor.affiliations.length === 0)
    return <Empty>No subgroup, alias or partner is recorded.</Empty>;
  return (
    <ul className="affiliations">
      {actor.affiliations.map(({ kind, direction, actor: other }) => (
        <li key={`${kind} ${direction} ${other.key}`}>
          {relation[kind][direction]} <ActorLink actor={other} />
        </li>
      ))}
    </ul>
  );
}
