import { SPONSORED_BY } from '../../domain/stix.js';
import { countSkipped, type AttributionRecord } from '../records.js';
import type { StixObject } from './stix-object.js';
import { isWithdrawn, skip, type StixReading } from './stix-reading.js';

/** A relationship whose two ends are both in the bundle. */
interface Relationship {
  object: StixObject;
  from: string;
  to: string;
  /** The object at the `from` end: a claim that cites nothing cites what it cites. */
  subject: StixObject;
  confidence: number | null;
}

/** Reads a relationship into the records at its ends; false when it is not between such records. */
type RelationshipReader = (reading: StixReading, relationship: Relationship) => boolean;

/**
 * Every relationship, read after all the objects so both its ends are known: into a claim, an
 * affiliation, an origin, a sponsor, a target or a location. One between objects our model does
 * not link that way is skipped and counted.
 */
export function readRelationships(reading: StixReading): void {
  let absentEnds = 0;
  for (const { object } of reading.objects.values()) {
    if (object.type !== 'relationship') continue;
    const relationship = withEnds(reading, object);
    if (!relationship) absentEnds += 1;
    else if (isLeftOut(reading, relationship))
      skip(reading, 'relationships to or of skipped objects');
    else readRelationship(reading, relationship);
  }
  if (absentEnds > 0) {
    countSkipped(reading.result, 'relationships whose ends are absent from the bundle', absentEnds);
    reading.result.notes.push(
      `${absentEnds} relationships point at objects that are not in the bundle; they were left out`,
    );
  }
}

function withEnds(reading: StixReading, object: StixObject): Relationship | undefined {
  const from = object.source_ref ?? '';
  const to = object.target_ref ?? '';
  const subject = reading.objects.get(from)?.object;
  if (!subject || !reading.objects.has(to)) return undefined;
  return { object, from, to, subject, confidence: object.confidence ?? null };
}

function isLeftOut(reading: StixReading, { object, from, to }: Relationship): boolean {
  // A retracted claim of ours is revoked to other readers, and kept by us for the record.
  const retracted = object.x_cig_status === 'RETRACTED';
  return (
    reading.leftOut.has(from) ||
    reading.leftOut.has(to) ||
    (!reading.includeRevoked && !retracted && isWithdrawn(object))
  );
}

function readRelationship(reading: StixReading, relationship: Relationship): void {
  const { object, from, to } = relationship;
  const type = object.relationship_type;
  const readers = (type === undefined ? undefined : readersByType.get(type)) ?? [];
  if (readers.some((read) => read(reading, relationship))) return;
  skip(
    reading,
    `relationships of type ${type ?? 'unknown'} between ${from.split('--')[0] ?? '?'} and ${to.split('--')[0] ?? '?'}`,
  );
}

/** What `relationship` cites: its own references, else its subject's. */
function citationsOf(reading: StixReading, { object, subject }: Relationship): string[] {
  return reading.citations.ofClaim(object, subject);
}

/** An `attributed-to` relationship to an intrusion set or threat actor, as our claim. */
function claimOf(
  reading: StixReading,
  relationship: Relationship,
  actorId: string,
): AttributionRecord {
  const { object, confidence } = relationship;
  return {
    actorId,
    confidence: confidence ?? 50,
    basis: object.x_cig_basis ?? 'SECURITY_INDUSTRY',
    status: object.x_cig_status ?? ((confidence ?? 50) >= 85 ? 'ATTRIBUTED' : 'SUSPECTED'),
    claimedBy: object.x_cig_claimed_by ?? null,
    assessedAt: object.x_cig_assessed_at ?? object.created?.slice(0, 10) ?? null,
    sourceIds: citationsOf(reading, relationship),
    key: null,
  };
}

const incidentClaim: RelationshipReader = (reading, relationship) => {
  const incident = reading.incidents.get(relationship.from);
  const actor = reading.actors.get(relationship.to);
  if (!incident || !actor) return false;
  incident.attributions.push(claimOf(reading, relationship, actor.id));
  return true;
};

const campaignClaim: RelationshipReader = (reading, relationship) => {
  const campaign = reading.campaigns.get(relationship.from);
  const actor = reading.actors.get(relationship.to);
  if (!campaign || !actor) return false;
  campaign.attributions.push(claimOf(reading, relationship, actor.id));
  return true;
};

const incidentCampaign: RelationshipReader = (reading, { from, to }) => {
  const incident = reading.incidents.get(from);
  const campaign = reading.campaigns.get(to);
  if (!incident || !campaign) return false;
  incident.campaignId = campaign.id;
  return true;
};

/** An intrusion set attributed to another is another name of it. */
const actorAlias: RelationshipReader = (reading, { from, to }) => {
  const actor = reading.actors.get(from);
  const other = reading.actors.get(to);
  if (!actor || !other) return false;
  actor.affiliations.push({ actorId: other.id, kind: 'ALIAS_OF' });
  return true;
};

/** Ours say how two actors are related (x_cig_kind); without it, a relationship says too little. */
const actorAffiliation: RelationshipReader = (reading, { object, from, to }) => {
  const actor = reading.actors.get(from);
  const other = reading.actors.get(to);
  if (!actor || !other || !object.x_cig_kind) return false;
  actor.affiliations.push({ actorId: other.id, kind: object.x_cig_kind });
  return true;
};

const actorOrigin: RelationshipReader = (reading, relationship) => {
  const actor = reading.actors.get(relationship.from);
  const country = reading.countries.get(relationship.to);
  if (!actor || country === undefined) return false;
  const { confidence } = relationship;
  // Our records hold one origin: the most confident one stated.
  if (!actor.origin || (confidence ?? 0) > (actor.origin.confidence ?? 0))
    actor.origin = { country, confidence, sourceIds: citationsOf(reading, relationship) };
  return true;
};

const actorSponsor: RelationshipReader = (reading, relationship) => {
  const actor = reading.actors.get(relationship.from);
  const country = reading.countries.get(relationship.to);
  if (!actor || country === undefined) return false;
  const { confidence } = relationship;
  actor.sponsors.push({ country, confidence, sourceIds: citationsOf(reading, relationship) });
  return true;
};

/** An actor's reported victimology: the countries and sectors it targets, most confident kept. */
const actorTargets: RelationshipReader = (reading, relationship) => {
  const actor = reading.actors.get(relationship.from);
  const country = reading.countries.get(relationship.to);
  const sectorIds = reading.sectorIds.get(relationship.to);
  if (!actor || (country === undefined && !sectorIds)) return false;
  const { confidence } = relationship;
  const targets = (actor.targets ??= { sectorIds: [], countries: [], confidence, sourceIds: [] });
  if (confidence !== null)
    targets.confidence = Math.max(targets.confidence ?? confidence, confidence);
  if (country !== undefined) targets.countries.push(country);
  targets.sectorIds.push(...(sectorIds ?? []));
  const cited = citationsOf(reading, relationship);
  targets.sourceIds = [...new Set([...targets.sourceIds, ...cited])];
  return true;
};

/** An incident's victims: a country (the first one primary, unless ours say), a sector, an organization. */
const incidentTargets: RelationshipReader = (reading, { object, from, to }) => {
  const incident = reading.incidents.get(from);
  const country = reading.countries.get(to);
  const sectorIds = reading.sectorIds.get(to);
  if (!incident || (country === undefined && !sectorIds)) return false;
  const organizationId = reading.organizationIds.get(to);
  if (country !== undefined)
    incident.countries.push({
      iso2: country,
      primary: object.x_cig_primary ?? incident.countries.length === 0,
    });
  // Others' bundles: an incident targets the sectors of the organizations it hit. Ours say so.
  if (!(reading.ours && organizationId !== undefined))
    incident.sectorIds.push(...(sectorIds ?? []));
  if (organizationId !== undefined) incident.organizationIds.push(organizationId);
  return true;
};

const organizationLocation: RelationshipReader = (reading, { from, to }) => {
  const organizationId = reading.organizationIds.get(from);
  const country = reading.countries.get(to);
  if (organizationId === undefined || country === undefined) return false;
  // By id: two identities may carry one id of ours (x_cig_id), and the first record of it is located.
  const organization = reading.result.records.organizations.find((o) => o.id === organizationId);
  if (organization) organization.country = country;
  return true;
};

/** The readers of each relationship type, tried in order until one takes the relationship. */
const readersByType: ReadonlyMap<string, readonly RelationshipReader[]> = new Map([
  ['attributed-to', [incidentClaim, campaignClaim, incidentCampaign, actorAlias]],
  ['related-to', [actorAffiliation]],
  ['originates-from', [actorOrigin]],
  [SPONSORED_BY, [actorSponsor]],
  ['targets', [actorTargets, incidentTargets]],
  ['located-at', [organizationLocation]],
]);
