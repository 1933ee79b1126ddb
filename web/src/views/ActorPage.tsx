import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { IncidentList } from '../components/IncidentList';
import { MissingEntity } from '../components/MissingEntity';
import { QueryState } from '../components/QueryState';
import { Section } from '../components/Section';
import { useIncidentFilter } from '../filter/use-filter';
import { graphql } from '../gql';
import type { ActorPageQuery } from '../gql/graphql';
import { ActorProfile } from './actor/ActorProfile';
import { ActorTargets } from './actor/ActorTargets';
import { Affiliations } from './actor/Affiliations';
import { ReportedTargets } from './actor/ReportedTargets';
import { SimilarActors } from './actor/SimilarActors';
import { StateClaims } from './actor/StateClaims';

const ActorPageDocument = graphql(`
  query ActorPage($id: ID!) {
    actor(id: $id) {
      id
      ...ActorProfile
      ...ActorStateClaims
      ...ActorReportedTargets
      ...ActorAffiliations
    }
  }
`);

/**
 * An actor (`/actors/:id`, its key): who it is, the states it is tied to, its incidents and targets
 * under the shared filter, who resembles it and who it is affiliated with.
 */
export function ActorPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: ActorPageDocument, variables: { id } });
  return (
    <article className="page entity-page">
      <QueryState what="the actor" fetching={fetching} error={error} data={data}>
        {({ actor }) =>
          actor ? <ActorDetails actor={actor} /> : <MissingEntity kind="actor" id={id} />
        }
      </QueryState>
    </article>
  );
}

function ActorDetails({ actor }: { actor: NonNullable<ActorPageQuery['actor']> }) {
  const { filter } = useIncidentFilter();
  return (
    <>
      <ActorProfile actor={actor} />
      <Section title="Origin and sponsors">
        <StateClaims actor={actor} />
      </Section>
      <div className="entity-columns">
        <Section title="Incidents">
          <IncidentList ownerId={actor.id} filter={filter} />
        </Section>
        <ActorTargets actorId={actor.id} filter={filter} />
      </div>
      <Section title="Reported victimology">
        <ReportedTargets actor={actor} />
      </Section>
      <SimilarActors actorId={actor.id} filter={filter} />
      <Section title="Affiliations">
        <Affiliations actor={actor} />
      </Section>
    </>
  );
}
