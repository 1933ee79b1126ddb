import { parsePartialDate, storedPartialDate } from '../domain/partial-date.js';
import {
  EXTENSION_ID,
  extensionProperties,
  PRODUCER_ID,
  SPONSORED_BY,
  stixId,
} from '../domain/stix.js';
import { impactOfProperties } from '../import/impact-properties.js';
import type {
  ExportActor,
  ExportCampaign,
  ExportClaim,
  ExportIncident,
  ExportOrganization,
  ExportStateTie,
} from './row-checks.js';
import type { SectorRecord } from '../taxonomy/taxonomy.js';
import type { CountryRecord } from '../taxonomy/countries.js';

/**
 * Our graph as STIX 2.1 objects (pure: stored rows in, objects out). Actors are intrusion-sets,
 * incidents incidents, sectors identities of class `class`, countries locations; sources are the
 * external references of what cites them. What STIX has no property for travels in our
 * top-level property extension (see domain/stix.ts), so a bundle we wrote reads back whole.
 */
export type StixObject = Record<string, unknown>;

/** A source as a STIX external reference (which must name its source; the host when no publisher). */
export interface SourceRef {
  url: string;
  title: string | null;
  publisher: string | null;
}

/** Looks up the sources a batch cites, by URL. */
export type SourceLookup = (url: string) => SourceRef | undefined;

const present = (value: Record<string, unknown>): StixObject =>
  Object.fromEntries(
    Object.entries(value).filter(
      ([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0),
    ),
  );

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname || url;
  } catch {
    return url;
  }
};

export function externalReferences(urls: string[], lookup: SourceLookup): StixObject[] {
  return urls.map((url) => {
    const source = lookup(url);
    return present({
      source_name: source?.publisher ?? hostOf(url),
      url,
      description: source?.title,
    });
  });
}

/** The common properties; `extended` when the object carries any of our extension's properties. */
function common(type: string, key: string, timestamp: string, extended: boolean): StixObject {
  return {
    type,
    spec_version: '2.1',
    id: stixId(type, key),
    created_by_ref: PRODUCER_ID,
    created: timestamp,
    modified: timestamp,
    ...(extended
      ? { extensions: { [EXTENSION_ID]: { extension_type: 'toplevel-property-extension' } } }
      : {}),
  };
}

/** A partial date as a STIX timestamp: the first (or last) instant of the period it covers. */
export function stixTimestamp(partial: unknown, end: 'first' | 'last'): string | undefined {
  if (typeof partial !== 'string') return undefined;
  const parsed = parsePartialDate(partial);
  if ('error' in parsed) return undefined;
  return end === 'first' ? `${parsed.first}T00:00:00Z` : `${parsed.last}T23:59:59Z`;
}

/** The producer and our extension-definition: every bundle starts with them. */
export function preamble(timestamp: string): StixObject[] {
  return [
    {
      type: 'identity',
      spec_version: '2.1',
      id: PRODUCER_ID,
      created: timestamp,
      modified: timestamp,
      name: 'Cyber Incident Graph',
      identity_class: 'system',
      description: 'A knowledge graph of cyber threat actors, incidents, sectors and countries.',
    },
    {
      type: 'extension-definition',
      spec_version: '2.1',
      id: EXTENSION_ID,
      created_by_ref: PRODUCER_ID,
      created: timestamp,
      modified: timestamp,
      name: 'Cyber Incident Graph properties',
      description:
        'Facts of the Cyber Incident Graph model that STIX 2.1 has no property for, as top-level properties.',
      schema: Object.entries(extensionProperties)
        .map(([name, meaning]) => `${name}: ${meaning}`)
        .join('; '),
      version: '1.0.0',
      extension_types: ['toplevel-property-extension'],
      extension_properties: Object.keys(extensionProperties),
    },
  ];
}

/** A relationship between two of our objects; its id is made of the ends and the type, or the claim's id. */
export function relationship(
  type: string,
  sourceRef: string,
  targetRef: string,
  timestamp: string,
  properties: StixObject = {},
  key = `${type}:${sourceRef}:${targetRef}`,
): StixObject {
  const extended = Object.keys(properties).some((name) => name.startsWith('x_cig_'));
  return present({
    ...common('relationship', key, timestamp, extended),
    relationship_type: type,
    source_ref: sourceRef,
    target_ref: targetRef,
    ...properties,
  });
}

/** What the trackers measured of an incident's impact, with its sources as external references. */
function stixImpact(row: ExportIncident, lookup: SourceLookup): StixObject | undefined {
  const impact = impactOfProperties(row.props);
  if (!impact) return undefined;
  return present({
    categories: impact.categories.map((c) => present(c)),
    cyber_intensity: impact.cyberIntensity
      ? present({
          unweighted: impact.cyberIntensity.unweighted,
          weighted: impact.cyberIntensity.weighted,
          target_multiplier: impact.cyberIntensity.targetMultiplier,
        })
      : undefined,
    functional: impact.functional,
    intelligence: impact.intelligence,
    political: impact.political,
    economic: impact.economic,
    economic_value: impact.economicValue ? present(impact.economicValue) : undefined,
    casualties: impact.casualties,
    external_references: externalReferences(row.impactSourceUrls, lookup),
  });
}

/** A claim that an actor is behind an incident or campaign (`ref`), as an attributed-to relationship. */
function claimRelationship(
  ref: string,
  ownerKey: string,
  claim: ExportClaim,
  timestamp: string,
  lookup: SourceLookup,
): StixObject {
  const claimKey =
    typeof claim.id === 'string'
      ? claim.id
      : `${ownerKey}:${claim.actorId}:${String(claim.claimedBy)}`;
  return relationship(
    'attributed-to',
    ref,
    stixId('intrusion-set', claim.actorId),
    timestamp,
    {
      confidence: claim.confidence,
      // A retracted claim is kept for the record; to a STIX reader it is withdrawn.
      revoked: claim.status === 'RETRACTED' ? true : undefined,
      external_references: externalReferences(claim.sourceUrls, lookup),
      x_cig_basis: claim.basis,
      x_cig_status: claim.status,
      x_cig_claimed_by: claim.claimedBy,
      x_cig_assessed_at: claim.assessedAt,
    },
    `claim:${claimKey}`,
  );
}

export function incidentObjects(
  row: ExportIncident,
  timestamp: string,
  lookup: SourceLookup,
): StixObject[] {
  const p = row.props;
  const id = String(p.id);
  const ref = stixId('incident', id);
  const incident = present({
    ...common('incident', id, timestamp, true),
    name: p.title,
    description: p.description,
    external_references: externalReferences(row.sourceUrls, lookup),
    first_seen: stixTimestamp(p.startDate, 'first'),
    last_seen: typeof p.endDate === 'string' ? `${p.endDate}T23:59:59Z` : undefined,
    x_cig_id: id,
    x_cig_start: storedPartialDate(p.startDate, p.datePrecision),
    x_cig_end: storedPartialDate(p.endDate, p.endPrecision),
    x_cig_attack_types: p.attackTypes,
    x_cig_objective: p.objective,
    x_cig_disruption_days: p.disruptionDays,
    x_cig_records_affected: p.recordsAffected,
    x_cig_ransom_demanded_usd: p.ransomDemandedUsd,
    x_cig_ransom_paid_usd: p.ransomPaidUsd,
    x_cig_external_ids: p.externalIds,
    x_cig_regions: p.regions,
    x_cig_impact: stixImpact(row, lookup),
  });
  // The primary country comes first: readers that know no x_cig_primary take the first as primary.
  const countries = [...row.countries].sort((a, b) => Number(b.primary) - Number(a.primary));
  return [
    incident,
    ...row.sectorIds.map((s) =>
      relationship('targets', ref, stixId('identity', `sector:${s}`), timestamp),
    ),
    ...countries.map((c) =>
      relationship('targets', ref, stixId('location', c.iso2), timestamp, {
        x_cig_primary: c.primary,
      }),
    ),
    ...row.organizationIds.map((o) =>
      relationship('targets', ref, stixId('identity', `organization:${o}`), timestamp),
    ),
    ...(row.campaignId
      ? [relationship('attributed-to', ref, stixId('campaign', row.campaignId), timestamp)]
      : []),
    ...row.claims.map((claim) => claimRelationship(ref, id, claim, timestamp, lookup)),
  ];
}

const stateTie = (
  type: string,
  from: string,
  tie: ExportStateTie,
  timestamp: string,
  lookup: SourceLookup,
) =>
  relationship(type, from, stixId('location', tie.country), timestamp, {
    confidence: tie.confidence,
    external_references: externalReferences(tie.sourceUrls, lookup),
  });

/** An actor as an intrusion-set with its origin, sponsors, reported targets and affiliations. */
export function actorObjects(
  row: ExportActor,
  timestamp: string,
  lookup: SourceLookup,
  exported: (actorId: string) => boolean,
): StixObject[] {
  const p = row.props;
  const id = String(p.id);
  const ref = stixId('intrusion-set', id);
  const externalIds = Array.isArray(p.externalIds) ? (p.externalIds as string[]) : [];
  const actor = present({
    ...common('intrusion-set', id, timestamp, true),
    name: p.name,
    description: p.description,
    aliases: p.aliases,
    first_seen: stixTimestamp(p.firstSeen, 'first'),
    last_seen: stixTimestamp(p.lastSeen, 'last'),
    external_references: externalIds
      .filter((e) => /^G\d{4}$/.test(e))
      .map((e) => ({
        source_name: 'mitre-attack',
        external_id: e,
        url: `https://attack.mitre.org/groups/${e}/`,
      })),
    x_cig_id: id,
    x_cig_type: p.type,
    x_cig_motivations: p.motivations,
    x_cig_first_seen: p.firstSeen,
    x_cig_last_seen: p.lastSeen,
    x_cig_external_ids: externalIds,
  });
  const reported = (target: string, t: { confidence: number | null; sourceUrls: string[] }) =>
    relationship('targets', ref, target, timestamp, {
      confidence: t.confidence,
      external_references: externalReferences(t.sourceUrls, lookup),
    });
  return [
    actor,
    ...row.origins.map((t) => stateTie('originates-from', ref, t, timestamp, lookup)),
    ...row.sponsors.map((t) => stateTie(SPONSORED_BY, ref, t, timestamp, lookup)),
    ...row.targetSectors.map((t) => reported(stixId('identity', `sector:${t.id}`), t)),
    ...row.targetCountries.map((t) => reported(stixId('location', t.id), t)),
    ...row.affiliations
      .filter((f) => exported(f.actorId))
      .map((f) =>
        relationship('related-to', ref, stixId('intrusion-set', f.actorId), timestamp, {
          description: `${String(p.name)} — ${f.kind.toLowerCase().replace(/_/g, ' ')} — ${f.actorName}`,
          x_cig_kind: f.kind,
        }),
      ),
  ];
}

/** A campaign, with the claims about who ran it as attributed-to relationships to intrusion-sets. */
export function campaignObjects(
  row: ExportCampaign,
  timestamp: string,
  lookup: SourceLookup,
): StixObject[] {
  const id = String(row.props.id);
  const ref = stixId('campaign', id);
  return [
    campaignObject(row.props, timestamp),
    ...row.claims.map((claim) =>
      claimRelationship(ref, `campaign:${id}`, claim, timestamp, lookup),
    ),
  ];
}

function campaignObject(props: Record<string, unknown>, timestamp: string): StixObject {
  const id = String(props.id);
  return present({
    ...common('campaign', id, timestamp, true),
    name: props.name,
    description: props.description,
    first_seen: stixTimestamp(storedPartialDate(props.startDate, props.startPrecision), 'first'),
    last_seen: stixTimestamp(storedPartialDate(props.endDate, props.endPrecision), 'last'),
    x_cig_id: id,
    x_cig_start: storedPartialDate(props.startDate, props.startPrecision),
    x_cig_end: storedPartialDate(props.endDate, props.endPrecision),
  });
}

export function organizationObjects(
  row: ExportOrganization,
  timestamp: string,
  industryOf: (sectorId: string) => string | undefined,
): StixObject[] {
  const id = String(row.props.id);
  const ref = stixId('identity', `organization:${id}`);
  return [
    present({
      ...common('identity', `organization:${id}`, timestamp, true),
      name: row.props.name,
      identity_class: 'organization',
      sectors: [...new Set(row.sectorIds.flatMap((s) => industryOf(s) ?? []))],
      x_cig_id: id,
      x_cig_sector_ids: row.sectorIds,
    }),
    ...(row.country
      ? [relationship('located-at', ref, stixId('location', row.country), timestamp)]
      : []),
  ];
}

/** A sector as a class of identities (STIX's way to say "the electricity sector"). */
export function sectorObject(sector: SectorRecord, timestamp: string): StixObject {
  return present({
    ...common('identity', `sector:${sector.id}`, timestamp, true),
    name: sector.name,
    description: sector.description,
    identity_class: 'class',
    sectors: [sector.stixIndustry],
    x_cig_id: sector.id,
  });
}

/** STIX region-ov has the UN M49 continents under the same names, lower-cased. */
export function countryObject(country: CountryRecord, timestamp: string): StixObject {
  return present({
    ...common('location', country.iso2, timestamp, false),
    name: country.name,
    country: country.iso2,
    region: country.region?.toLowerCase(),
  });
}

/** What the export left out, as a note on the producer: a reader sees the bundle is incomplete. */
export function incompleteNote(bundleId: string, summary: string, timestamp: string): StixObject {
  return {
    ...common('note', `incomplete:${bundleId}`, timestamp, false),
    abstract: 'Incomplete export',
    content: summary,
    object_refs: [PRODUCER_ID],
  };
}
