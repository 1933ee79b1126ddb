import { EMPTY, fragment, variable, type Fragment, type Variable } from '../db/cypher.js';

/** Which actors go on: those with a claimed origin, those without one, or all. */
export type OriginKnown = 'known' | 'unknown' | 'any';

const kept: Record<OriginKnown, (origins: Variable) => Fragment> = {
  known: (origins) => fragment` WHERE size(${origins}) > 0`,
  unknown: (origins) => fragment` WHERE size(${origins}) = 0`,
  any: () => EMPTY,
};

/**
 * The distinct (incident `i`, actor `a`) rows regrouped per actor, so that the actor's claimed
 * origins are read once, as the list `origins`, and not once per incident: the cross-border
 * analyses asked "has the actor an origin, and is this country one of them?" of every incident
 * row, which on 100,000 incidents was about half of their database hits. The same rows come out,
 * each with `origins`, for `NOT v IN origins` checks that read nothing.
 */
export function withActorOrigins(which: OriginKnown): { regroup: Fragment; origins: Variable } {
  const origins = variable('origins');
  const incidents = variable('incidents');
  const origin = variable('origin');
  const regroup = fragment`WITH a, collect(i) AS ${incidents}
  WITH a, ${incidents}, COLLECT { MATCH (a)-[:ORIGINATES_FROM]->(${origin}:Country) RETURN ${origin} } AS ${origins}${kept[which](origins)}
  UNWIND ${incidents} AS i`;
  return { regroup, origins };
}
