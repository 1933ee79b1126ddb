import { Link } from 'react-router';
import { Fact, Facts, Tags } from '../../components/Facts';
import { enumLabel } from '../../components/labels';
import { graphql } from '../../gql';
import type { ActorProfileFragment } from '../../gql/graphql';
import { graphPath } from '../../links';

graphql(`
  fragment ActorProfile on Actor {
    id
    name
    aliases
    type
    motivations
    description
    firstSeen
    lastSeen
    externalIds
  }
`);

/** Who the actor is: its names, kind, aims, when it was seen, and the ids other catalogues use. */
export function ActorProfile({ actor }: { actor: ActorProfileFragment }) {
  return (
    <header className="entity-header">
      <h1>{actor.name}</h1>
      <p className="entity-kind">
        <span className="tag">{enumLabel(actor.type)}</span>
        <Link to={graphPath(actor.id)}>Show in the graph</Link>
      </p>
      {actor.description && <p className="entity-description">{actor.description}</p>}
      <Facts>
        <Fact term="Aliases" field="aliases">
          <Tags values={actor.aliases} />
        </Fact>
        <Fact term="Motivations">
          <Tags values={actor.motivations.map(enumLabel)} />
        </Fact>
        <Fact term="First seen">{actor.firstSeen}</Fact>
        <Fact term="Last seen">{actor.lastSeen}</Fact>
        <Fact term="External ids" field="external-ids">
          <Tags values={actor.externalIds} />
        </Fact>
      </Facts>
    </header>
  );
}
