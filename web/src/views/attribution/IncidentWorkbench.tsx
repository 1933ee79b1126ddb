import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { problemOf } from '../../api/problem';
import { ActorLink, CountryLinks, IncidentLink, SectorLinks } from '../../components/EntityLinks';
import { InlineList } from '../../components/InlineList';
import { enumLabel } from '../../components/labels';
import { MissingEntity } from '../../components/MissingEntity';
import { Empty, QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { graphql } from '../../gql';
import type { AttributionWorkbenchQuery } from '../../gql/graphql';
import { CandidateCards } from './CandidateCards';
import { CandidateComparison } from './CandidateComparison';
import { CandidateScores } from './CandidateScores';
import { Hypotheses } from './Hypotheses';
import { withComparedToggled } from './workbench-address';

/** Ten candidates: the ranking's tail scores little, and every candidate brings its evidence. */
const candidateCount = 10;

const AttributionWorkbenchQuery = graphql(`
  query AttributionWorkbench($incident: ID!, $first: Int!) {
    incident(id: $incident) {
      id
      key
      title
      date
      attackTypes
      sectors {
        key
        name
      }
      countries {
        country {
          code
          name
        }
      }
      campaign {
        key
        name
      }
      attributions {
        id
        status
        confidence
        actor {
          key
          name
        }
      }
      sources {
        id
        title
        url
      }
    }
    suggestAttributions(incidentId: $incident, first: $first) {
      rank
      score
      alreadyAttributed
      actor {
        key
        name
      }
      components {
        factor
        value
        weight
        points
      }
      evidence {
        sharedSectors {
          key
          name
        }
        sharedCountries {
          code
          name
        }
        sharedAttackTypes
        nearestIncidentDays
        sameCampaignIncidents {
          key
          title
        }
        reportedSectors {
          key
          name
        }
        reportedCountries {
          code
          name
        }
        supportingIncidents
        otherIncidents
        meanPriorConfidence
        confidenceFactor
      }
    }
  }
`);

type Incident = NonNullable<AttributionWorkbenchQuery['incident']>;

/** The incident worked on, its candidates with their evidence, a comparison, and the hypotheses. */
export function IncidentWorkbench({
  incidentKey,
  compare,
}: {
  incidentKey: string;
  compare: string[];
}) {
  const variables = { incident: incidentKey, first: candidateCount };
  const [{ data, fetching, error }, reread] = useQuery({
    query: AttributionWorkbenchQuery,
    variables,
  });
  const [params, setParams] = useSearchParams();
  if (error && problemOf(error).kind === 'notFound')
    return <MissingEntity kind="incident" id={incidentKey} />;
  return (
    <QueryState what="the candidates" fetching={fetching} error={error} data={data}>
      {({ incident, suggestAttributions: candidates }) =>
        incident === null ? (
          <MissingEntity kind="incident" id={incidentKey} />
        ) : (
          <>
            <IncidentHeading incident={incident} />
            {candidates.length === 0 ? (
              <Empty>
                The graph suggests no candidate: no actor&apos;s other incidents or reported
                victimology share anything with this incident.
              </Empty>
            ) : (
              <>
                <CandidateScores
                  candidates={candidates}
                  incidentKey={incident.key}
                  query={{ document: AttributionWorkbenchQuery, variables }}
                />
                <Section title="Candidates and their evidence">
                  <CandidateCards
                    candidates={candidates}
                    compared={compare}
                    onToggleCompared={(actor) => {
                      setParams(withComparedToggled(params, actor));
                    }}
                  />
                </Section>
                <CandidateComparison candidates={candidates} compare={compare} />
              </>
            )}
            <Hypotheses
              incident={incident}
              candidates={candidates.map((candidate) => candidate.actor)}
              onPromoted={() => {
                reread({ requestPolicy: 'network-only' });
              }}
            />
          </>
        )
      }
    </QueryState>
  );
}

/** What is weighed: the incident, and what it is already said to be. */
function IncidentHeading({ incident }: { incident: Incident }) {
  return (
    <Section
      title={
        <>
          <IncidentLink incident={incident} />{' '}
          <time dateTime={incident.date}>({incident.date})</time>
        </>
      }
    >
      <dl className="facts incident-facts">
        <dt>Sectors</dt>
        <dd>
          <SectorLinks sectors={incident.sectors} />
        </dd>
        <dt>Countries</dt>
        <dd>
          <CountryLinks countries={incident.countries.map(({ country }) => country)} />
        </dd>
        <dt>Attack types</dt>
        <dd>{incident.attackTypes.map(enumLabel).join(', ') || 'none recorded'}</dd>
        <dt>Campaign</dt>
        <dd>{incident.campaign?.name ?? 'none'}</dd>
        <dt>Claims</dt>
        <dd data-figure="claims">
          {incident.attributions.length === 0 ? (
            'unattributed'
          ) : (
            <InlineList>
              {incident.attributions.map((claim) => (
                <li key={claim.id}>
                  <ActorLink actor={claim.actor} /> ({enumLabel(claim.status)}, {claim.confidence})
                </li>
              ))}
            </InlineList>
          )}
        </dd>
      </dl>
    </Section>
  );
}
