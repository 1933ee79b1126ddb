import { parsePartialDate, type PartialDate } from '../../domain/partial-date.js';
import type { ActorRecord, CampaignRecord, IncidentRecord } from '../records.js';
import { slugify } from '../slug.js';
import { checkExtension, type ExtensionDates } from './extension-checks.js';
import { measuredImpact } from './measured-impact.js';
import type { StixCitations } from './stix-citations.js';
import type { StixObject } from './stix-object.js';
import {
  attackId,
  idOf,
  isWithdrawn,
  skip,
  type IndexedObject,
  type StixReading,
} from './stix-reading.js';

/** STIX threat-actor-type-ov → our actor types. */
const actorTypeOf: ReadonlyMap<string, string> = new Map([
  ['nation-state', 'STATE'],
  ['activist', 'HACKTIVIST'],
  ['crime-syndicate', 'CRIMINAL'],
  ['criminal', 'CRIMINAL'],
]);

/**
 * Every object but the relationships → a record (actor, campaign, incident, organization) or a
 * fact a relationship will point at (an identity's sectors, a location's country).
 */
export function readObjects(reading: StixReading): void {
  for (const entry of reading.objects.values())
    if (entry.object.type !== 'relationship') readObject(reading, entry);
}

function readObject(reading: StixReading, { object, index }: IndexedObject): void {
  const location = `objects[${index}]`;
  const { problems, dates } = checkExtension(object, reading.taxonomy);
  if (problems.length > 0) {
    for (const problem of problems)
      reading.result.issues.push({ file: reading.file, location, recordId: object.id, ...problem });
    return;
  }
  if (!reading.includeRevoked && isWithdrawn(object)) {
    skip(reading, object.revoked === true ? 'revoked objects' : 'deprecated objects');
    reading.leftOut.add(object.id);
    return;
  }
  readNode(reading, object, location, dates);
}

function readNode(
  reading: StixReading,
  object: StixObject,
  location: string,
  dates: ExtensionDates,
): void {
  switch (object.type) {
    case 'intrusion-set':
    case 'threat-actor':
      readActor(reading, object, location);
      break;
    case 'campaign':
      readCampaign(reading, object, location, dates);
      break;
    case 'incident':
      readIncident(reading, object, location, dates);
      break;
    case 'identity':
      readIdentity(reading, object, location);
      break;
    case 'location':
      readLocation(reading, object);
      break;
    default:
      skip(reading, `objects of type ${object.type}`);
  }
}

/** An intrusion set or a threat actor → an actor. */
function readActor(reading: StixReading, object: StixObject, location: string): void {
  const { file, result } = reading;
  if (!object.name) {
    result.issues.push({
      file,
      kind: 'actors',
      location,
      recordId: object.id,
      field: 'name',
      reason: 'an actor needs a name',
    });
    return;
  }
  const actor = actorOf(object, object.name, idOf(reading, slugify(object.name), object));
  reading.actors.set(object.id, actor);
  result.records.actors.push(actor);
  result.locations.set(`actors:${actor.id}`, location);
}

function actorOf(object: StixObject, name: string, id: string): ActorRecord {
  const attack = attackId(object);
  return {
    id,
    name: name.trim(),
    aliases: [
      ...new Set(
        (object.aliases ?? []).map((a) => a.trim()).filter((a) => a !== '' && a !== name.trim()),
      ),
    ],
    type:
      object.x_cig_type ??
      object.threat_actor_types?.map((t) => actorTypeOf.get(t)).find(Boolean) ??
      null,
    motivations: object.x_cig_motivations ?? [],
    description: object.description ?? null,
    firstSeen: object.x_cig_first_seen ?? object.first_seen?.slice(0, 10) ?? null,
    lastSeen: object.x_cig_last_seen ?? object.last_seen?.slice(0, 10) ?? null,
    externalIds: object.x_cig_external_ids ?? [`stix:${object.id}`, ...(attack ? [attack] : [])],
    origin: null,
    sponsors: [],
    affiliations: [],
    targets: null,
  };
}

function readCampaign(
  reading: StixReading,
  object: StixObject,
  location: string,
  dates: ExtensionDates,
): void {
  const id = idOf(reading, slugify(attackId(object) ?? object.name ?? ''), object);
  const start = dates.start ?? dayOf(object.first_seen);
  const end = dates.end ?? dayOf(object.last_seen);
  const campaign: CampaignRecord = {
    id,
    name: object.name ?? id,
    description: object.description ?? null,
    attributions: [],
    startDate: start?.first ?? null,
    startPrecision: start?.precision ?? null,
    endDate: end?.last ?? null,
    endPrecision: end?.precision ?? null,
  };
  reading.campaigns.set(object.id, campaign);
  reading.result.records.campaigns.push(campaign);
  reading.result.locations.set(`campaigns:${id}`, location);
}

function readIncident(
  reading: StixReading,
  object: StixObject,
  location: string,
  dates: ExtensionDates,
): void {
  const { file, result } = reading;
  const id = idOf(reading, slugify(object.name ?? ''), object);
  const start = dates.start ?? dayOf(object.first_seen ?? object.created);
  if (!start) {
    result.issues.push({
      file,
      kind: 'incidents',
      location,
      recordId: object.id,
      field: 'first_seen',
      reason: 'an incident needs a date (first_seen or created)',
    });
    return;
  }
  const end = object.x_cig_id ? dates.end : dayOf(object.last_seen);
  const incident = incidentOf(object, id, { start, end }, reading.citations);
  reading.incidents.set(object.id, incident);
  result.records.incidents.push(incident);
  result.locations.set(`incidents:${id}`, location);
}

/** The incident's record; its targets, claims and campaign come with the relationships. */
function incidentOf(
  object: StixObject,
  id: string,
  { start, end }: { start: PartialDate; end: PartialDate | undefined },
  citations: StixCitations,
): IncidentRecord {
  const last = end?.last ?? start.last;
  return {
    id,
    title: object.name ?? id,
    description: object.description ?? null,
    startDate: start.first,
    endDate: last < start.last ? start.last : last,
    datePrecision: start.precision,
    endPrecision: end?.precision ?? null,
    attackTypes: object.x_cig_attack_types ?? [],
    objective: object.x_cig_objective ?? null,
    disruptionDays: object.x_cig_disruption_days ?? null,
    recordsAffected: object.x_cig_records_affected ?? null,
    ransomDemandedUsd: object.x_cig_ransom_demanded_usd ?? null,
    ransomPaidUsd: object.x_cig_ransom_paid_usd ?? null,
    sectorIds: [],
    countries: [],
    organizationIds: [],
    campaignId: null,
    sourceIds: citations.ofClaim(object),
    attributions: [],
    externalIds: object.x_cig_external_ids ?? [`stix:${object.id}`],
    regions: object.x_cig_regions ?? [],
    impact: object.x_cig_impact ? measuredImpact(object.x_cig_impact, citations) : null,
  };
}

/** An identity → the sectors it stands for, and an organization when it is one. */
function readIdentity(reading: StixReading, object: StixObject, location: string): void {
  if (reading.authors.has(object.id)) {
    skip(reading, 'identities that author the bundle');
    return;
  }
  const sectorIds = identitySectors(reading, object);
  reading.sectorIds.set(object.id, sectorIds);
  if (object.identity_class !== 'organization' || !object.name) return;
  const id = idOf(reading, slugify(object.name), object);
  reading.organizationIds.set(object.id, id);
  reading.result.records.organizations.push({ id, name: object.name, sectorIds, country: null });
  reading.result.locations.set(`organizations:${id}`, location);
}

/** One of our sectors names itself; any other identity is read by its industries. */
function identitySectors(reading: StixReading, object: StixObject): string[] {
  const { x_cig_id: id } = object;
  if (object.identity_class === 'class' && id && reading.taxonomy.isSector(id)) return [id];
  return object.x_cig_sector_ids ?? industrySectors(reading, object.sectors);
}

/** STIX industry sectors → ours (the top sector that matches, else any); one that none matches is noted. */
function industrySectors(reading: StixReading, industries: string[] | undefined): string[] {
  const { sectors } = reading.taxonomy;
  const ids = (industries ?? []).flatMap((industry) => {
    const match =
      sectors.find((s) => s.parentId === null && s.stixIndustry === industry) ??
      sectors.find((s) => s.stixIndustry === industry);
    if (!match)
      reading.result.notes.push(`STIX industry sector "${industry}" matches no sector of ours`);
    return match ? [match.id] : [];
  });
  return [...new Set(ids)];
}

function readLocation(reading: StixReading, object: StixObject): void {
  const code = object.country ? reading.taxonomy.resolveCountry(object.country) : undefined;
  if (code) reading.countries.set(object.id, code);
  else skip(reading, 'locations that are not countries');
}

/** A STIX timestamp's day, as a date known to the day; undefined when absent or not a date we keep. */
function dayOf(timestamp: string | undefined): PartialDate | undefined {
  if (!timestamp) return undefined;
  const parsed = parsePartialDate(timestamp.slice(0, 10));
  return 'error' in parsed ? undefined : parsed;
}
