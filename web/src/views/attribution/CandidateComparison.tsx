import { ActorLink } from '../../components/EntityLinks';
import { Empty } from '../../components/QueryState';
import { Section } from '../../components/Section';
import type { CandidateAnswer } from './candidate';
import { comparisonRows } from './evidence-items';
import { EvidenceValueView } from './EvidenceValueView';
import { comparisonProblem } from './workbench-address';

interface CandidateComparisonProps {
  candidates: readonly CandidateAnswer[];
  /** The actor keys the address names for comparison. */
  compare: readonly string[];
}

/** Two candidates side by side, item by item; the rows where they differ are marked. */
export function CandidateComparison({ candidates, compare }: CandidateComparisonProps) {
  const problem = comparisonProblem(
    compare,
    candidates.map((c) => c.actor.key),
  );
  const [left, right] = compare.map((key) => candidates.find((c) => c.actor.key === key));
  return (
    <Section title="Compare two candidates">
      {problem !== null ? (
        <p className="state state-error" role="alert">
          {problem}
        </p>
      ) : left === undefined || right === undefined ? (
        <Empty>Tick “Compare” on two candidates to see them side by side.</Empty>
      ) : (
        <table className="comparison-table">
          <caption className="visually-hidden">
            {left.actor.name} and {right.actor.name}, item by item
          </caption>
          <thead>
            <tr>
              <th scope="col">Evidence</th>
              <th scope="col">
                <ActorLink actor={left.actor} />
              </th>
              <th scope="col">
                <ActorLink actor={right.actor} />
              </th>
            </tr>
          </thead>
          <tbody>
            {comparisonRows(left, right).map((row) => (
              <tr key={row.label} className={row.differs ? 'differs' : undefined}>
                <th scope="row">{row.label}</th>
                <td>
                  <EvidenceValueView value={row.left} />
                </td>
                <td>
                  <EvidenceValueView value={row.right} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
