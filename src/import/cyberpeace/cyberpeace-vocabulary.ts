import {
  impactCategories,
  type ActorType,
  type ImpactCategory,
  type attributionStatuses,
} from '../../domain/vocabulary.js';

/** Who makes the claims an event's record holds: the platform's analysts. */
export const CLAIMED_BY = 'CyberPeace Institute';
/** The platform compiles public reporting (media, vendors, the actors' own channels). */
export const CLAIM_BASIS = 'MEDIA';

type AttributionStatus = (typeof attributionStatuses)[number];

/**
 * The platform grades each event Possible, Probable or Confirmed: the words of the Admiralty
 * (NATO) credibility scale's "possibly true", "probably true" and "confirmed", which STIX 2.1
 * puts at 50, 70 and 90 on its 0–100 confidence scale. Only a confirmed event is attributed; the
 * other two are suspected.
 */
const confidenceScale: Record<string, { confidence: number; status: AttributionStatus }> = {
  possible: { confidence: 50, status: 'SUSPECTED' },
  probable: { confidence: 70, status: 'SUSPECTED' },
  confirmed: { confidence: 90, status: 'ATTRIBUTED' },
};

/** An event's confidence grade as a claim's confidence and status; case and spaces ignored. */
export function claimGrade(
  grade: string,
): { confidence: number; status: AttributionStatus } | undefined {
  return confidenceScale[grade.trim().toLowerCase()];
}

/**
 * The platform's actor types. An individual is a count, not a kind of actor (an individual may
 * be a hacktivist, a criminal or a state's officer), so the type is left unknown and the value is
 * reported as left out.
 */
const actorTypes: Record<string, { type: ActorType } | { unmapped: string }> = {
  collective: { type: 'HACKTIVIST' },
  'nation state': { type: 'STATE' },
  cybercriminal: { type: 'CRIMINAL' },
  individual: { unmapped: 'an individual is no kind of actor of ours; the type is left unknown' },
};

export function actorTypeOf(value: string): { type: ActorType } | { unmapped: string } | undefined {
  return actorTypes[value.trim().toLowerCase()];
}

/** An impact category (Disruption, Data, …) as ours; the names are the same, case aside. */
export function impactCategoryOf(value: string): ImpactCategory | undefined {
  const upper = value.trim().toUpperCase();
  return impactCategories.find((category) => category === upper);
}

/** Values that say the platform does not know: treated as absent, not as a value to map. */
export function isPlaceholder(value: string): boolean {
  return /^(unknown|n\/?a|none|-)?$/i.test(value.trim());
}
