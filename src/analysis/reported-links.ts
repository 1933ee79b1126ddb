import { fragment, variable, where, type Fragment } from '../db/cypher.js';
import type { IncidentConditions } from '../repositories/incident-filter.js';
import {
  reportedLinkConditionsOf,
  type VictimologyConditions,
} from '../repositories/victimology-filter.js';

/*
 * The reported-victimology branches the analyses share: actors `a` linked by a TARGETS edge `t` to
 * a sector `s` or a country `c`, each passing the filter's reading for reported victimology.
 */

const T = fragment`t`;
const S = fragment`s`;
const C = fragment`c`;

/** Binds `a`, `t` and `s` for each reported sector link passing the filter (and `also`). */
export const reportedSectorLinks = (
  reported: VictimologyConditions,
  also: readonly Fragment[] = [],
): Fragment =>
  fragment`MATCH (a:Actor)-[t:TARGETS]->(s:Sector) ${where([...also, ...reported.actor, ...reported.sector(T, S)])}`;

/** Binds `a`, `t` and `c` for each reported country link passing the filter. */
export const reportedCountryLinks = (reported: VictimologyConditions): Fragment =>
  fragment`MATCH (a:Actor)-[t:TARGETS]->(c:Country) ${where([...reported.actor, ...reported.country(T, C)])}`;

/**
 * That the actor `a` is reported to target a node of the `target` pattern meeting `conditions`,
 * through a link at the filter's confidence floor.
 */
export function reportedToTarget(
  filter: IncidentConditions,
  target: Fragment,
  conditions: readonly Fragment[] = [],
): Fragment {
  const link = fragment`${variable('t')}`;
  return fragment`EXISTS { (a)-[${link}:TARGETS]->${target} ${where([...conditions, ...reportedLinkConditionsOf(filter, link)])} }`;
}
