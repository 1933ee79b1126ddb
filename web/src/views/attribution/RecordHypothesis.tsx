import { useState } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { Named } from './candidate';
import { MutationProblemView } from './MutationProblemView';

const CreateHypothesisMutation = graphql(`
  mutation CreateHypothesis($input: HypothesisInput!) {
    createHypothesis(input: $input) {
      id
      version
    }
  }
`);

interface RecordHypothesisProps {
  incident: { key: string };
  candidates: readonly Named[];
  onRecorded: () => void;
}

/** A new hypothesis that one of the candidates is behind the incident. */
export function RecordHypothesis({ incident, candidates, onRecorded }: RecordHypothesisProps) {
  const [actor, setActor] = useState(candidates[0]?.key ?? '');
  const [confidence, setConfidence] = useState('50');
  const [rationale, setRationale] = useState('');
  const [problem, setProblem] = useState<CombinedError | null>(null);
  const [{ fetching }, create] = useMutation(CreateHypothesisMutation);
  if (candidates.length === 0) return null;
  return (
    <form
      className="panel record-hypothesis"
      aria-label="Record a hypothesis"
      onSubmit={(event) => {
        event.preventDefault();
        const input = {
          incidentId: incident.key,
          actorId: actor,
          rationale,
          confidence: Number(confidence),
        };
        void create({ input }).then((result) => {
          setProblem(result.error ?? null);
          if (!result.error) {
            setRationale('');
            onRecorded();
          }
        });
      }}
    >
      <h3>Record a hypothesis</h3>
      <label>
        Candidate{' '}
        <select
          value={actor}
          onChange={(event) => {
            setActor(event.target.value);
          }}
        >
          {candidates.map((candidate) => (
            <option key={candidate.key} value={candidate.key}>
              {candidate.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        Confidence (0–100){' '}
        <input
          type="number"
          value={confidence}
          onChange={(event) => {
            setConfidence(event.target.value);
          }}
        />
      </label>
      <label className="rationale">
        Rationale
        <textarea
          value={rationale}
          onChange={(event) => {
            setRationale(event.target.value);
          }}
        />
      </label>
      <button type="submit" disabled={fetching}>
        Record hypothesis
      </button>
      <MutationProblemView error={problem} />
    </form>
  );
}
