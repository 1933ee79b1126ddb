import { ActorLink } from '../../components/EntityLinks';
import type { CandidateAnswer } from './candidate';
import { evidenceItems } from './evidence-items';
import { EvidenceValueView } from './EvidenceValueView';

interface CandidateCardsProps {
  candidates: readonly CandidateAnswer[];
  compared: readonly string[];
  onToggleCompared: (actorKey: string) => void;
}

/** Each candidate with every reason the API gives for it, and a box to pick it for comparison. */
export function CandidateCards({ candidates, compared, onToggleCompared }: CandidateCardsProps) {
  return (
    <ol className="candidate-cards">
      {candidates.map((candidate) => (
        <li key={candidate.actor.key}>
          <article
            className="panel candidate-card"
            aria-label={`Candidate ${candidate.rank}: ${candidate.actor.name}`}
            data-actor={candidate.actor.key}
          >
            <h3>
              {candidate.rank}. <ActorLink actor={candidate.actor} />
            </h3>
            <label className="compare-toggle">
              <input
                type="checkbox"
                checked={compared.includes(candidate.actor.key)}
                onChange={() => {
                  onToggleCompared(candidate.actor.key);
                }}
              />{' '}
              Compare {candidate.actor.name}
            </label>
            <dl className="evidence-items">
              {evidenceItems(candidate).map((item) => (
                <div key={item.label} data-item={item.label}>
                  <dt>{item.label}</dt>
                  <dd>
                    <EvidenceValueView value={item.value} />
                  </dd>
                </div>
              ))}
            </dl>
          </article>
        </li>
      ))}
    </ol>
  );
}
