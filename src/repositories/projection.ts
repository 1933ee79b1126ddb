import { fragment, join, trusted, type Fragment } from '../db/cypher.js';
import type { ActorRow, IncidentRow } from './rows.js';

/*
 * A list returns of each row only the properties its caller reads (what a client selected), not
 * every property the node holds. The names arrive as plain lists; they become Cypher text only
 * here, each checked against its row type's allow-list: the stored properties that type has.
 */

export type IncidentProperty = keyof IncidentRow;
export type ActorProperty = keyof ActorRow;

/** Written out so that a property added to the row type and not here fails to compile. */
const incidentProperties: Record<IncidentProperty, true> = {
  id: true,
  version: true,
  title: true,
  description: true,
  startDate: true,
  endDate: true,
  datePrecision: true,
  attackTypes: true,
  objective: true,
  disruptionDays: true,
  recordsAffected: true,
  ransomDemandedUsd: true,
  ransomPaidUsd: true,
  regions: true,
  impactCategories: true,
  impactDescriptions: true,
  cyberIntensityUnweighted: true,
  cyberIntensityWeighted: true,
  targetMultiplier: true,
  functionalImpact: true,
  intelligenceImpact: true,
  politicalImpactMeasures: true,
  politicalImpactLevels: true,
  economicImpact: true,
  economicImpactAmount: true,
  economicImpactCurrency: true,
  casualties: true,
  impactSourceIds: true,
};

const actorProperties: Record<ActorProperty, true> = {
  id: true,
  name: true,
  aliases: true,
  type: true,
  motivations: true,
  description: true,
  firstSeen: true,
  lastSeen: true,
  externalIds: true,
  version: true,
};

export const INCIDENT_PROPERTIES: ReadonlySet<string> = new Set(Object.keys(incidentProperties));
export const ACTOR_PROPERTIES: ReadonlySet<string> = new Set(Object.keys(actorProperties));

/**
 * The map projection `node {.a, .b, also…}` of `properties`, each once. A name outside `allowed`
 * is refused: it could only come from a bug, and it must never become statement text.
 */
export function projectionOf(
  node: Fragment,
  properties: readonly string[],
  allowed: ReadonlySet<string>,
  also: readonly Fragment[] = [],
): Fragment {
  const outside = properties.find((property) => !allowed.has(property));
  if (outside !== undefined) throw new Error(`"${outside}" is not a property this list returns`);
  const read = [...new Set(properties)].map((property) => trusted(`.${property}`));
  return fragment`${node} {${join([...read, ...also], ', ')}}`;
}
