import type { CombinedError } from 'urql';
import { problemOf, type Problem } from '../../api/problem.js';

/**
 * A refused edit in the terms an analyst can act on: the shared problems, and a version conflict
 * said as one (someone changed the hypothesis meanwhile), which the shared ones leave as "other",
 * and a signed-out edit as needing a key (the shared words are about reading).
 */
export function mutationProblemOf(error: CombinedError): Problem {
  const problem = problemOf(error);
  if (error.graphQLErrors[0]?.extensions.code === 'CONFLICT')
    return { ...problem, title: 'Someone changed it meanwhile, or it can no longer be edited' };
  if (problem.kind === 'signIn')
    return { ...problem, title: "Sign in with an editor's key to do this" };
  return problem;
}
