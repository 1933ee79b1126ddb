import { useState } from 'react';
import { useMutation, type CombinedError, type OperationResult } from 'urql';
import { ActorLink, IncidentLink } from '../../components/EntityLinks';
import { enumLabel } from '../../components/labels';
import { graphql } from '../../gql';
import type { AttributionBasis, IncidentHypothesesQuery } from '../../gql/graphql';
import { AuditTrail } from './AuditTrail';
import { nextSteps } from './hypothesis-steps';
import { MutationProblemView } from './MutationProblemView';

/** What the hypotheses' controls need of the incident worked on. */
export interface WorkbenchIncident {
  id: string;
  key: string;
  sources: readonly { id: string; title?: string | null; url: string }[];
}

type Hypothesis = IncidentHypothesesQuery['hypotheses']['edges'][number]['node'];

const AttachIncidentMutation = graphql(`
  mutation AttachIncidentEvidence($id: ID!, $version: Int!, $incidentIds: [ID!]) {
    attachEvidence(id: $id, version: $version, incidentIds: $incidentIds, saveSuggestions: true) {
      id
      version
    }
  }
`);

const SupportHypothesisMutation = graphql(`
  mutation SupportHypothesis($id: ID!, $version: Int!) {
    updateHypothesis(id: $id, version: $version, patch: { status: SUPPORTED }) {
      id
      version
    }
  }
`);

const PromoteHypothesisMutation = graphql(`
  mutation PromoteHypothesis(
    $id: ID!
    $version: Int!
    $basis: AttributionBasis!
    $sourceIds: [ID!]
  ) {
    promoteHypothesis(id: $id, version: $version, basis: $basis, sourceIds: $sourceIds) {
      id
      version
      promotedClaimId
    }
  }
`);

const bases: readonly AttributionBasis[] = [
  'SECURITY_INDUSTRY',
  'GOVERNMENT',
  'INTERNATIONAL_ORGANIZATION',
  'SELF_CLAIMED',
  'MEDIA',
  'ACADEMIC',
];

interface HypothesisCardProps {
  hypothesis: Hypothesis;
  incident: WorkbenchIncident;
  /** After an edit, and after a refusal (the hypothesis may have changed meanwhile). */
  onChanged: () => void;
  onPromoted: () => void;
}

/** One hypothesis: its state, the next steps it allows, and its audit trail. */
export function HypothesisCard(props: HypothesisCardProps) {
  const { hypothesis, incident, onChanged, onPromoted } = props;
  const [problem, setProblem] = useState<CombinedError | null>(null);
  const [attachState, attach] = useMutation(AttachIncidentMutation);
  const [supportState, support] = useMutation(SupportHypothesisMutation);
  const [promoteState, promote] = useMutation(PromoteHypothesisMutation);
  const busy = attachState.fetching || supportState.fetching || promoteState.fetching;
  const settle = (result: OperationResult) => {
    setProblem(result.error ?? null);
    onChanged();
  };
  const asked = { id: hypothesis.id, version: hypothesis.version };
  const steps = nextSteps(
    {
      status: hypothesis.status,
      promotedClaimId: hypothesis.promotedClaimId ?? null,
      evidenceIncidentKeys: hypothesis.evidenceIncidents.map((i) => i.key),
      savedSuggestions: hypothesis.savedSuggestions.length,
    },
    incident.key,
  );
  return (
    <article
      className="panel hypothesis-card"
      aria-label={`Hypothesis: ${hypothesis.actor.name}`}
      data-hypothesis={hypothesis.id}
    >
      <h3>
        <ActorLink actor={hypothesis.actor} />{' '}
        <span className="tag" data-figure="status">
          {hypothesis.promotedClaimId ? 'Promoted' : enumLabel(hypothesis.status)}
        </span>
      </h3>
      <dl className="facts">
        <dt>Confidence</dt>
        <dd>{hypothesis.confidence}</dd>
        <dt>Rationale</dt>
        <dd>{hypothesis.rationale || '—'}</dd>
        <dt>By</dt>
        <dd>
          {hypothesis.author}, version <span data-figure="version">{hypothesis.version}</span>
        </dd>
        <dt>Evidence incidents</dt>
        <dd>
          {hypothesis.evidenceIncidents.length === 0
            ? 'none'
            : hypothesis.evidenceIncidents.map((evidence) => (
                <IncidentLink key={evidence.key} incident={evidence} />
              ))}
        </dd>
        <dt>Saved suggestions</dt>
        <dd data-figure="saved-suggestions">{hypothesis.savedSuggestions.length}</dd>
        <dt>Claim</dt>
        <dd data-figure="claim">{hypothesis.promotedClaimId ?? 'not promoted'}</dd>
      </dl>
      <div className="hypothesis-steps">
        {steps.includes('attach') && (
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              void attach({ ...asked, incidentIds: [incident.id] }).then(settle);
            }}
          >
            Attach this incident with the current suggestions
          </button>
        )}
        {steps.includes('support') && (
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              void support(asked).then(settle);
            }}
          >
            Mark as supported
          </button>
        )}
        {steps.includes('promote') && (
          <PromoteForm
            incident={incident}
            busy={busy}
            onPromote={(basis, sourceIds) => {
              void promote({ ...asked, basis, sourceIds }).then((result) => {
                settle(result);
                if (!result.error) onPromoted();
              });
            }}
          />
        )}
      </div>
      <MutationProblemView error={problem} />
      <AuditTrail key={hypothesis.version} hypothesisId={hypothesis.id} />
    </article>
  );
}

interface PromoteFormProps {
  incident: WorkbenchIncident;
  busy: boolean;
  onPromote: (basis: AttributionBasis, sourceIds: string[]) => void;
}

/** A supported hypothesis made a published claim: on what basis, citing which of the incident's sources. */
function PromoteForm({ incident, busy, onPromote }: PromoteFormProps) {
  const [basis, setBasis] = useState<AttributionBasis>('SECURITY_INDUSTRY');
  const [cited, setCited] = useState<string[]>(incident.sources.map((source) => source.id));
  return (
    <form
      className="promote-form"
      aria-label="Promote to a claim"
      onSubmit={(event) => {
        event.preventDefault();
        onPromote(basis, cited);
      }}
    >
      <label>
        Basis{' '}
        <select
          value={basis}
          onChange={(event) => {
            const chosen = bases.find((b) => b === event.target.value);
            if (chosen) setBasis(chosen);
          }}
        >
          {bases.map((b) => (
            <option key={b} value={b}>
              {enumLabel(b)}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Sources cited</legend>
        {incident.sources.length === 0 && <span className="muted">The incident has none.</span>}
        {incident.sources.map((source) => (
          <label key={source.id}>
            <input
              type="checkbox"
              checked={cited.includes(source.id)}
              onChange={() => {
                setCited(
                  cited.includes(source.id)
                    ? cited.filter((id) => id !== source.id)
                    : [...cited, source.id],
                );
              }}
            />{' '}
            {source.title ?? source.url}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy}>
        Promote to a claim
      </button>
    </form>
  );
}
