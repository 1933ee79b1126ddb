/**
 * The closed vocabularies of the graph model (see docs/architecture.md) that are part of the API's
 * contract. Open, curated vocabularies (sectors, attack types, mappings from other trackers) live
 * in seeds/taxonomy/ as data.
 */
export const actorTypes = [
  'STATE',
  'STATE_SPONSORED',
  'HACKTIVIST',
  'CRIMINAL',
  'UNKNOWN',
] as const;
export const motivations = [
  'ESPIONAGE',
  'SABOTAGE',
  'FINANCIAL',
  'HACKTIVISM',
  'INFLUENCE',
  'DISRUPTION',
] as const;
export const objectives = [
  'ESPIONAGE',
  'DISRUPTION',
  'DESTRUCTION',
  'FINANCIAL_GAIN',
  'INFLUENCE',
  'UNKNOWN',
] as const;
export const attributionBases = [
  'SELF_CLAIMED',
  'GOVERNMENT',
  'INTERNATIONAL_ORGANIZATION',
  'SECURITY_INDUSTRY',
  'MEDIA',
  'ACADEMIC',
] as const;
export const attributionStatuses = [
  'CLAIMED',
  'SUSPECTED',
  'ATTRIBUTED',
  'DISPUTED',
  'RETRACTED',
] as const;
export const affiliationKinds = ['SUBGROUP', 'ALIAS_OF', 'COOPERATES'] as const;
export const datePrecisions = ['DAY', 'MONTH', 'YEAR'] as const;
/** What an incident did, in the categories the trackers record impact by (CyberPeace's). */
export const impactCategories = [
  'DISRUPTION',
  'DATA',
  'DISINFORMATION',
  'DESTRUCTION',
  'OTHER',
  'UNKNOWN',
] as const;

export type ActorType = (typeof actorTypes)[number];
export type DatePrecision = (typeof datePrecisions)[number];
export type ImpactCategory = (typeof impactCategories)[number];
