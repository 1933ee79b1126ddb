import { useQuery } from 'urql';
import { ViewerQuery } from '../../api/viewer';
import { Empty, QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { graphql } from '../../gql';
import type { Named } from './candidate';
import { HypothesisCard, type WorkbenchIncident } from './HypothesisCard';
import { RecordHypothesis } from './RecordHypothesis';

const IncidentHypothesesQuery = graphql(`
  query IncidentHypotheses($incident: ID!) {
    hypotheses(incidentId: $incident, first: 20) {
      totalCount
      edges {
        node {
          id
          version
          status
          confidence
          rationale
          author
          createdAt
          updatedAt
          actor {
            key
            name
          }
          evidenceIncidents {
            key
            title
          }
          evidenceSources {
            id
          }
          savedSuggestions {
            savedAt
            candidates
          }
          promotedClaimId
        }
      }
    }
  }
`);

interface HypothesesProps {
  incident: WorkbenchIncident;
  candidates: readonly Named[];
  /** After a hypothesis became a published claim: the incident's claims changed. */
  onPromoted: () => void;
}

/**
 * The incident's hypotheses and what may be done with them. Every reader sees them; only an
 * editor's key makes the edits take effect, and the controls say so to everyone else (the API
 * refuses them, and the refusal is shown).
 */
export function Hypotheses({ incident, candidates, onPromoted }: HypothesesProps) {
  const [{ data: viewerData }] = useQuery({ query: ViewerQuery });
  const [{ data, fetching, error }, reread] = useQuery({
    query: IncidentHypothesesQuery,
    variables: { incident: incident.key },
  });
  const refresh = () => {
    reread({ requestPolicy: 'network-only' });
  };
  const canEdit = viewerData?.viewer.canEdit === true;
  return (
    <Section title="Hypotheses">
      {!canEdit && (
        <p className="editor-notice" data-testid="editor-notice">
          Recording and advancing hypotheses needs an editor&apos;s key: sign in with one. Without
          it, the API refuses the edits below and says why.
        </p>
      )}
      <RecordHypothesis incident={incident} candidates={candidates} onRecorded={refresh} />
      <QueryState what="the hypotheses" fetching={fetching} error={error} data={data}>
        {({ hypotheses }) =>
          hypotheses.edges.length === 0 ? (
            <Empty>No hypothesis about this incident yet.</Empty>
          ) : (
            <ol className="hypothesis-list">
              {hypotheses.edges.map(({ node }) => (
                <li key={node.id}>
                  <HypothesisCard
                    hypothesis={node}
                    incident={incident}
                    onChanged={refresh}
                    onPromoted={onPromoted}
                  />
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
    </Section>
  );
}
