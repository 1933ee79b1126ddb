import type { CombinedError } from 'urql';
import { mutationProblemOf } from './mutation-problem';

/** Why an edit was refused, as the API said it: nothing of the edit was written. */
export function MutationProblemView({ error }: { error: CombinedError | null }) {
  if (error === null) return null;
  const problem = mutationProblemOf(error);
  return (
    <div className={`state state-error problem-${problem.kind}`} role="alert">
      <strong>{problem.title}</strong>
      <p>{problem.detail}</p>
      <p className="muted">Nothing was changed.</p>
    </div>
  );
}
