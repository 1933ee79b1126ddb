import type { Actor, Impact, Incident } from '../__generated__/resolvers-types.js';
import type { PropertyTable } from '../graphql/selection.js';
import type { ActorProperty, IncidentProperty } from '../repositories/projection.js';

/*
 * The stored properties each field's resolver reads from its row, so that a list returns only what
 * its client selected. Keyed by the schema's own field names: a field added to the schema and not
 * here fails to compile. A field resolved through a loader by the row's key reads nothing more
 * (the key is always returned).
 */

type Table<Type, Property extends string> = Record<
  Exclude<keyof Type, '__typename'>,
  readonly Property[] | PropertyTable<Property>
>;

const BY_KEY: readonly never[] = [];

/** An incident's `impact` resolves from the incident's own row. */
const impactPropertiesRead: Table<Impact, IncidentProperty> = {
  disruptionDays: ['disruptionDays'],
  recordsAffected: ['recordsAffected'],
  ransomDemandedUsd: ['ransomDemandedUsd'],
  ransomPaidUsd: ['ransomPaidUsd'],
  categories: ['impactCategories', 'impactDescriptions'],
  cyberIntensity: ['cyberIntensityUnweighted', 'cyberIntensityWeighted', 'targetMultiplier'],
  functional: ['functionalImpact'],
  intelligence: ['intelligenceImpact'],
  political: ['politicalImpactMeasures', 'politicalImpactLevels'],
  economic: ['economicImpact'],
  economicValue: ['economicImpactAmount', 'economicImpactCurrency'],
  casualties: ['casualties'],
  sources: ['impactSourceIds'],
};

export const incidentPropertiesRead: Table<Incident, IncidentProperty> = {
  id: ['id'],
  key: ['id'],
  version: ['version'],
  title: ['title'],
  description: ['description'],
  startDate: ['startDate'],
  endDate: ['endDate'],
  datePrecision: ['datePrecision'],
  date: ['startDate', 'datePrecision'],
  attackTypes: ['attackTypes'],
  objective: ['objective'],
  regions: ['regions'],
  impact: impactPropertiesRead,
  attributions: BY_KEY,
  sectors: BY_KEY,
  countries: BY_KEY,
  organizations: BY_KEY,
  sources: BY_KEY,
  campaign: BY_KEY,
  datasets: BY_KEY,
};

export const actorPropertiesRead: Table<Actor, ActorProperty> = {
  id: ['id'],
  key: ['id'],
  version: ['version'],
  name: ['name'],
  aliases: ['aliases'],
  type: ['type'],
  motivations: ['motivations'],
  description: ['description'],
  firstSeen: ['firstSeen'],
  lastSeen: ['lastSeen'],
  externalIds: ['externalIds'],
  origin: BY_KEY,
  sponsors: BY_KEY,
  affiliations: BY_KEY,
  reportedTargets: BY_KEY,
  incidents: BY_KEY,
  sectors: BY_KEY,
  targetCountries: BY_KEY,
  datasets: BY_KEY,
};
