import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { MissingEntity } from '../components/MissingEntity';
import { QueryState } from '../components/QueryState';
import { Section } from '../components/Section';
import { SourceList } from '../components/SourceList';
import { graphql } from '../gql';
import type { IncidentPageQuery } from '../gql/graphql';
import { keyOf } from '../links';
import { attributionPath } from './attribution/workbench-address';
import { AttributionClaims } from './incident/AttributionClaims';
import { ImpactDetails } from './incident/ImpactDetails';
import { IncidentContext } from './incident/IncidentContext';
import { IncidentPlaces } from './incident/IncidentPlaces';
import { IncidentSummary } from './incident/IncidentSummary';

const IncidentPageDocument = graphql(`
  query IncidentPage($id: ID!) {
    incident(id: $id) {
      ...IncidentSummary
      ...IncidentAttributions
      ...IncidentPlaces
      ...IncidentContext
      impact {
        ...ImpactFields
      }
      sources {
        ...SourceFields
      }
    }
    attackTypes {
      id
      name
    }
  }
`);

/**
 * An incident (`/incidents/:id`, its key): what happened and when, who is said to be behind it,
 * where it hit, what it did and what it is known from. The filter does not apply to one incident.
 */
export function IncidentPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: IncidentPageDocument, variables: { id } });
  return (
    <article className="page entity-page">
      <QueryState what="the incident" fetching={fetching} error={error} data={data}>
        {({ incident, attackTypes }) =>
          incident ? (
            <IncidentDetails
              incident={incident}
              attackTypeNames={new Map(attackTypes.map((type) => [type.id, type.name]))}
            />
          ) : (
            <MissingEntity kind="incident" id={id} />
          )
        }
      </QueryState>
    </article>
  );
}

function IncidentDetails({
  incident,
  attackTypeNames,
}: {
  incident: NonNullable<IncidentPageQuery['incident']>;
  attackTypeNames: ReadonlyMap<string, string>;
}) {
  return (
    <>
      <IncidentSummary incident={incident} attackTypeNames={attackTypeNames} />
      <Section title="Attribution claims">
        <AttributionClaims incident={incident} />
        <p>
          <Link to={attributionPath(keyOf(incident.id))}>
            Weigh candidates in the attribution workbench
          </Link>
        </p>
      </Section>
      <div className="entity-columns">
        <Section title="Where it hit">
          <IncidentPlaces incident={incident} />
        </Section>
        <Section title="Context">
          <IncidentContext incident={incident} />
        </Section>
      </div>
      <Section title="Impact">
        <ImpactDetails impact={incident.impact} />
      </Section>
      <Section title="Sources">
        <SourceList sources={incident.sources} />
      </Section>
    </>
  );
}
