import { z } from 'zod';
import { parsePartialDate, type PartialDate } from '../../domain/partial-date.js';
import { EXTENSION_ID, SPONSORED_BY } from '../../domain/stix.js';
import {
  actorTypes,
  affiliationKinds,
  attributionBases,
  attributionStatuses,
  impactCategories,
  motivations,
  objectives,
} from '../../domain/vocabulary.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { parseJsonFile } from '../json-file.js';
import {
  emptyReadResult,
  emptyRecords,
  sourceIdOf,
  type ActorRecord,
  type AttributionRecord,
  type CampaignRecord,
  type ImpactRecord,
  type IncidentRecord,
  type ReadResult,
  type SourceRecord,
} from '../records.js';
import { slugify } from '../slug.js';

/**
 * A STIX 2.1 bundle (e.g. MITRE ATT&CK) → actors, campaigns, incidents, organizations, with the
 * relationships our model has. Revoked and deprecated objects are skipped unless asked for;
 * object types and relationship types we have no place for are counted, never fatal. A bundle we
 * exported carries our extension's properties (domain/stix.ts): they give back our ids and every
 * fact STIX has no property for, and are checked like the native format's fields.
 */
const externalReference = z
  .object({
    source_name: z.string().optional(),
    url: z.string().optional(),
    external_id: z.string().optional(),
    description: z.string().optional(),
  })
  .loose();
const stixObject = z
  .object({
    type: z.string(),
    id: z.string(),
    modified: z.string().optional(),
    created: z.string().optional(),
    revoked: z.boolean().optional(),
    x_mitre_deprecated: z.boolean().optional(),
    name: z.string().optional(),
    description: z.string().optional(),
    aliases: z.array(z.string()).optional(),
    first_seen: z.string().optional(),
    last_seen: z.string().optional(),
    threat_actor_types: z.array(z.string()).optional(),
    identity_class: z.string().optional(),
    sectors: z.array(z.string()).optional(),
    country: z.string().optional(),
    confidence: z.number().optional(),
    relationship_type: z.string().optional(),
    source_ref: z.string().optional(),
    target_ref: z.string().optional(),
    created_by_ref: z.string().optional(),
    external_references: z.array(externalReference).optional(),
    x_cig_id: z.string().min(1).optional(),
    x_cig_type: z.enum(actorTypes).optional(),
    x_cig_motivations: z.array(z.enum(motivations)).optional(),
    x_cig_first_seen: z.string().optional(),
    x_cig_last_seen: z.string().optional(),
    x_cig_start: z.string().optional(),
    x_cig_end: z.string().optional(),
    x_cig_external_ids: z.array(z.string()).optional(),
    x_cig_attack_types: z.array(z.string()).optional(),
    x_cig_objective: z.enum(objectives).optional(),
    x_cig_disruption_days: z.number().nonnegative().optional(),
    x_cig_records_affected: z.number().int().nonnegative().optional(),
    x_cig_ransom_demanded_usd: z.number().nonnegative().optional(),
    x_cig_ransom_paid_usd: z.number().nonnegative().optional(),
    x_cig_sector_ids: z.array(z.string()).optional(),
    x_cig_basis: z.enum(attributionBases).optional(),
    x_cig_status: z.enum(attributionStatuses).optional(),
    x_cig_claimed_by: z.string().optional(),
    x_cig_assessed_at: z.string().optional(),
    x_cig_primary: z.boolean().optional(),
    x_cig_kind: z.enum(affiliationKinds).optional(),
    x_cig_regions: z.array(z.string()).optional(),
    x_cig_impact: z
      .object({
        categories: z
          .array(
            z.object({ category: z.enum(impactCategories), description: z.string().optional() }),
          )
          .optional(),
        cyber_intensity: z
          .object({
            unweighted: z.number().nonnegative().optional(),
            weighted: z.number().nonnegative().optional(),
            target_multiplier: z.string().optional(),
          })
          .optional(),
        functional: z.string().optional(),
        intelligence: z.string().optional(),
        political: z.array(z.object({ measure: z.string(), level: z.string() })).optional(),
        economic: z.string().optional(),
        economic_value: z
          .object({ amount: z.number().nonnegative(), currency: z.string().optional() })
          .optional(),
        casualties: z.string().optional(),
        external_references: z.array(externalReference).optional(),
      })
      .optional(),
  })
  .loose();
type StixObject = z.infer<typeof stixObject>;

const bundleSchema = z.object({
  type: z.literal('bundle'),
  id: z.string(),
  objects: z.array(z.unknown()),
});

/** STIX threat-actor-type-ov → our actor types. */
const actorTypeOf: Record<string, string> = {
  'nation-state': 'STATE',
  activist: 'HACKTIVIST',
  'crime-syndicate': 'CRIMINAL',
  criminal: 'CRIMINAL',
};

export interface StixOptions {
  includeRevoked?: boolean;
}

export function readStixBundle(
  text: string,
  file: string,
  taxonomy: Taxonomy,
  options: StixOptions = {},
): ReadResult {
  const records = emptyRecords();
  const result: ReadResult = { ...emptyReadResult(), records };
  const skip = (reason: string): void => {
    result.skipped[reason] = (result.skipped[reason] ?? 0) + 1;
  };
  const parsed = parseJsonFile(text, file);
  if ('issue' in parsed) {
    result.issues.push(parsed.issue);
    return result;
  }
  const bundle = bundleSchema.safeParse(parsed.value);
  if (!bundle.success) {
    result.issues.push({
      file,
      location: 'file',
      reason: 'not a STIX 2.1 bundle (expected "type": "bundle" and "objects")',
    });
    return result;
  }

  // Duplicate ids: the most recently modified version wins, as STIX versioning intends.
  const objects = new Map<string, { object: StixObject; index: number }>();
  bundle.data.objects.forEach((raw, index) => {
    const object = stixObject.safeParse(raw);
    if (!object.success) {
      result.issues.push({
        file,
        location: `objects[${index}]`,
        reason: `not a STIX object: ${object.error.issues
          .map((i) => `${i.path.join('.') || 'object'}: ${i.message}`)
          .join('; ')}`,
      });
      return;
    }
    const previous = objects.get(object.data.id);
    if (previous) {
      skip('duplicate ids (older version dropped)');
      if ((previous.object.modified ?? '') >= (object.data.modified ?? '')) return;
    }
    objects.set(object.data.id, { object: object.data, index });
  });

  // The identities that author objects (e.g. MITRE itself) are producers, not victims.
  const authors = new Set(
    [...objects.values()].flatMap(({ object }) =>
      object.created_by_ref ? [object.created_by_ref] : [],
    ),
  );
  /** A bundle we exported: its claims cite exactly what they say, with no fallback to the bundle. */
  const ours = objects.has(EXTENSION_ID);
  const sources = new Map<string, SourceRecord>();
  const citeReferences = (references: StixObject['external_references']): string[] =>
    (references ?? [])
      .filter((r) => r.url?.startsWith('http'))
      .map((r) => {
        const url = r.url ?? '';
        const id = sourceIdOf(url);
        if (!sources.has(id))
          sources.set(id, {
            id,
            url,
            title: r.description ?? r.source_name ?? null,
            publisher: r.source_name ?? null,
            publishedAt: null,
          });
        return id;
      });
  const bundleSourceId = (() => {
    const url = `urn:stix:${bundle.data.id}`;
    const id = sourceIdOf(url);
    return { id, url };
  })();
  const bundleSource = { cited: false };
  const citationsOf = (...objects: StixObject[]): string[] => {
    if (ours) return objects[0] ? citeReferences(objects[0].external_references) : [];
    for (const object of objects) {
      const cited = citeReferences(object.external_references);
      if (cited.length > 0) return cited;
    }
    bundleSource.cited = true;
    return [bundleSourceId.id];
  };

  /** The impact a bundle of ours records (x_cig_impact), citing its own external references. */
  const measuredImpact = (impact: NonNullable<StixObject['x_cig_impact']>): ImpactRecord => {
    const intensity = impact.cyber_intensity;
    return {
      categories: (impact.categories ?? []).map((c) => ({
        category: c.category,
        description: c.description ?? null,
      })),
      cyberIntensity: intensity
        ? {
            unweighted: intensity.unweighted ?? null,
            weighted: intensity.weighted ?? null,
            targetMultiplier: intensity.target_multiplier ?? null,
          }
        : null,
      functional: impact.functional ?? null,
      intelligence: impact.intelligence ?? null,
      political: impact.political ?? [],
      economic: impact.economic ?? null,
      economicValue: impact.economic_value
        ? { amount: impact.economic_value.amount, currency: impact.economic_value.currency ?? null }
        : null,
      casualties: impact.casualties ?? null,
      sourceIds: citeReferences(impact.external_references),
    };
  };

  const actorIdOf = new Map<string, string>();
  const campaignIdOf = new Map<string, string>();
  const campaignById = new Map<string, CampaignRecord>();
  const organizationIdOf = new Map<string, string>();
  const incidentById = new Map<string, IncidentRecord>();
  const sectorIdsOf = new Map<string, string[]>();
  const countryOf = new Map<string, string>();
  const actorById = new Map<string, ActorRecord>();
  const skippedIds = new Set<string>();
  const usedIds = new Set<string>();
  const uniqueId = (base: string, object: StixObject): string => {
    const stixId = object.id;
    if (object.x_cig_id) {
      usedIds.add(object.x_cig_id);
      return object.x_cig_id;
    }
    let id = base || stixId.split('--')[1]?.slice(0, 8) || stixId;
    if (usedIds.has(id)) id = `${id}-${stixId.split('--')[1]?.slice(0, 8) ?? ''}`;
    usedIds.add(id);
    return id;
  };
  const attackId = (object: StixObject): string | undefined =>
    object.external_references?.find((r) => r.source_name === 'mitre-attack')?.external_id;
  const stixSectors = (values: string[] | undefined): string[] => [
    ...new Set(
      (values ?? []).flatMap((value) => {
        const top =
          taxonomy.sectors.find((s) => s.parentId === null && s.stixIndustry === value) ??
          taxonomy.sectors.find((s) => s.stixIndustry === value);
        if (!top) result.notes.push(`STIX industry sector "${value}" matches no sector of ours`);
        return top ? [top.id] : [];
      }),
    ),
  ];

  /** Our extension's checks, as the native format makes them: each bad field an issue, the record left out. */
  const problemsOf = (object: StixObject) => {
    const problems: { field: string; reason: string }[] = [];
    const date = (field: 'x_cig_first_seen' | 'x_cig_last_seen' | 'x_cig_start' | 'x_cig_end') => {
      const text = object[field];
      if (text === undefined) return undefined;
      const parsed = parsePartialDate(text);
      if ('error' in parsed) {
        problems.push({ field, reason: parsed.error });
        return undefined;
      }
      return parsed;
    };
    const dates: Partial<Record<'firstSeen' | 'lastSeen' | 'start' | 'end', PartialDate>> = {
      firstSeen: date('x_cig_first_seen'),
      lastSeen: date('x_cig_last_seen'),
      start: date('x_cig_start'),
      end: date('x_cig_end'),
    };
    for (const [first, last, field] of [
      [dates.firstSeen, dates.lastSeen, 'x_cig_last_seen'],
      [dates.start, dates.end, 'x_cig_end'],
    ] as const)
      if (first && last && last.last < first.first)
        problems.push({ field, reason: 'is before the start' });
    (object.x_cig_attack_types ?? []).forEach((t, i) => {
      if (!taxonomy.isAttackType(t))
        problems.push({ field: `x_cig_attack_types.${i}`, reason: `unknown attack type "${t}"` });
    });
    (object.x_cig_sector_ids ?? []).forEach((t, i) => {
      if (!taxonomy.isSector(t))
        problems.push({ field: `x_cig_sector_ids.${i}`, reason: `unknown sector "${t}"` });
    });
    if (
      object.type === 'identity' &&
      object.identity_class === 'class' &&
      object.x_cig_id &&
      !taxonomy.isSector(object.x_cig_id)
    )
      problems.push({ field: 'x_cig_id', reason: `unknown sector "${object.x_cig_id}"` });
    return { problems, dates };
  };

  for (const { object, index } of objects.values()) {
    const location = `objects[${index}]`;
    if (object.type === 'relationship') continue;
    const { problems, dates } = problemsOf(object);
    if (problems.length > 0) {
      for (const problem of problems)
        result.issues.push({ file, location, recordId: object.id, ...problem });
      continue;
    }
    if (
      !options.includeRevoked &&
      (object.revoked === true || object.x_mitre_deprecated === true)
    ) {
      skip(object.revoked === true ? 'revoked objects' : 'deprecated objects');
      skippedIds.add(object.id);
      continue;
    }
    switch (object.type) {
      case 'intrusion-set':
      case 'threat-actor': {
        if (!object.name) {
          result.issues.push({
            file,
            kind: 'actors',
            location,
            recordId: object.id,
            field: 'name',
            reason: 'an actor needs a name',
          });
          continue;
        }
        const id = uniqueId(slugify(object.name), object);
        const type =
          object.x_cig_type ??
          object.threat_actor_types?.map((t) => actorTypeOf[t]).find(Boolean) ??
          null;
        const actor: ActorRecord = {
          id,
          name: object.name.trim(),
          aliases: [
            ...new Set(
              (object.aliases ?? [])
                .map((a) => a.trim())
                .filter((a) => a !== '' && a !== object.name?.trim()),
            ),
          ],
          type,
          motivations: object.x_cig_motivations ?? [],
          description: object.description ?? null,
          firstSeen: object.x_cig_first_seen ?? object.first_seen?.slice(0, 10) ?? null,
          lastSeen: object.x_cig_last_seen ?? object.last_seen?.slice(0, 10) ?? null,
          externalIds: object.x_cig_external_ids ?? [
            `stix:${object.id}`,
            ...(attackId(object) ? [attackId(object) ?? ''] : []),
          ],
          origin: null,
          sponsors: [],
          affiliations: [],
          targets: null,
        };
        actorIdOf.set(object.id, id);
        actorById.set(object.id, actor);
        records.actors.push(actor);
        result.locations.set(`actors:${id}`, location);
        break;
      }
      case 'campaign': {
        const id = uniqueId(slugify(attackId(object) ?? object.name ?? ''), object);
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
        records.campaigns.push(campaign);
        campaignIdOf.set(object.id, id);
        campaignById.set(object.id, campaign);
        result.locations.set(`campaigns:${id}`, location);
        break;
      }
      case 'incident': {
        const id = uniqueId(slugify(object.name ?? ''), object);
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
          continue;
        }
        const end = object.x_cig_id ? dates.end : dayOf(object.last_seen);
        const last = end?.last ?? start.last;
        const incident: IncidentRecord = {
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
          sourceIds: citationsOf(object),
          attributions: [],
          externalIds: object.x_cig_external_ids ?? [`stix:${object.id}`],
          regions: object.x_cig_regions ?? [],
          impact: object.x_cig_impact ? measuredImpact(object.x_cig_impact) : null,
        };
        incidentById.set(object.id, incident);
        records.incidents.push(incident);
        result.locations.set(`incidents:${id}`, location);
        break;
      }
      case 'identity': {
        if (authors.has(object.id)) {
          skip('identities that author the bundle');
          continue;
        }
        // One of our sectors names itself; any other class of identity is read by its industry.
        const ourSector =
          object.identity_class === 'class' && object.x_cig_id && taxonomy.isSector(object.x_cig_id)
            ? [object.x_cig_id]
            : undefined;
        const sectors = ourSector ?? object.x_cig_sector_ids ?? stixSectors(object.sectors);
        sectorIdsOf.set(object.id, sectors);
        if (object.identity_class === 'organization' && object.name) {
          const id = uniqueId(slugify(object.name), object);
          organizationIdOf.set(object.id, id);
          records.organizations.push({ id, name: object.name, sectorIds: sectors, country: null });
          result.locations.set(`organizations:${id}`, location);
        }
        break;
      }
      case 'location': {
        const code = object.country ? taxonomy.resolveCountry(object.country) : undefined;
        if (code) countryOf.set(object.id, code);
        else skip('locations that are not countries');
        break;
      }
      default:
        skip(`objects of type ${object.type}`);
    }
  }

  let absentEnds = 0;
  for (const { object } of objects.values()) {
    if (object.type !== 'relationship') continue;
    const from = object.source_ref ?? '';
    const to = object.target_ref ?? '';
    if (!objects.has(from) || !objects.has(to)) {
      absentEnds += 1;
      continue;
    }
    // A retracted claim of ours is revoked to other readers, and kept by us for the record.
    const retracted = object.x_cig_status === 'RETRACTED';
    if (
      skippedIds.has(from) ||
      skippedIds.has(to) ||
      (!options.includeRevoked &&
        !retracted &&
        (object.revoked === true || object.x_mitre_deprecated === true))
    ) {
      skip('relationships to or of skipped objects');
      continue;
    }
    const confidence = object.confidence ?? null;
    const type = object.relationship_type;
    const actor = actorById.get(from);
    /** An `attributed-to` relationship to an intrusion set or threat actor, as our claim. */
    const claim = (): AttributionRecord => ({
      actorId: actorIdOf.get(to) ?? '',
      confidence: confidence ?? 50,
      basis: object.x_cig_basis ?? 'SECURITY_INDUSTRY',
      status: object.x_cig_status ?? ((confidence ?? 50) >= 85 ? 'ATTRIBUTED' : 'SUSPECTED'),
      claimedBy: object.x_cig_claimed_by ?? null,
      assessedAt: object.x_cig_assessed_at ?? object.created?.slice(0, 10) ?? null,
      sourceIds: citationsOf(object, objects.get(from)?.object ?? object),
      key: null,
    });
    if (type === 'attributed-to' && incidentById.has(from) && actorIdOf.has(to)) {
      incidentById.get(from)?.attributions.push(claim());
    } else if (type === 'attributed-to' && campaignById.has(from) && actorIdOf.has(to)) {
      campaignById.get(from)?.attributions.push(claim());
    } else if (type === 'attributed-to' && incidentById.has(from) && campaignIdOf.has(to)) {
      const incident = incidentById.get(from);
      if (incident) incident.campaignId = campaignIdOf.get(to) ?? null;
    } else if (type === 'attributed-to' && actor && actorIdOf.has(to)) {
      actor.affiliations.push({ actorId: actorIdOf.get(to) ?? '', kind: 'ALIAS_OF' });
    } else if (type === 'related-to' && actor && actorIdOf.has(to) && object.x_cig_kind) {
      actor.affiliations.push({ actorId: actorIdOf.get(to) ?? '', kind: object.x_cig_kind });
    } else if (type === 'originates-from' && actor && countryOf.has(to)) {
      // Our records hold one origin: the most confident one stated.
      if (!actor.origin || (confidence ?? 0) > (actor.origin.confidence ?? 0))
        actor.origin = {
          country: countryOf.get(to) ?? '',
          confidence,
          sourceIds: citationsOf(object, objects.get(from)?.object ?? object),
        };
    } else if (type === SPONSORED_BY && actor && countryOf.has(to)) {
      actor.sponsors.push({
        country: countryOf.get(to) ?? '',
        confidence,
        sourceIds: citationsOf(object, objects.get(from)?.object ?? object),
      });
    } else if (type === 'targets' && actor && (countryOf.has(to) || sectorIdsOf.has(to))) {
      const targets = (actor.targets ??= {
        sectorIds: [],
        countries: [],
        confidence,
        sourceIds: [],
      });
      if (confidence !== null)
        targets.confidence = Math.max(targets.confidence ?? confidence, confidence);
      if (countryOf.has(to)) targets.countries.push(countryOf.get(to) ?? '');
      targets.sectorIds.push(...(sectorIdsOf.get(to) ?? []));
      targets.sourceIds = [
        ...new Set([
          ...targets.sourceIds,
          ...citationsOf(object, objects.get(from)?.object ?? object),
        ]),
      ];
    } else if (
      type === 'targets' &&
      incidentById.has(from) &&
      (countryOf.has(to) || sectorIdsOf.has(to))
    ) {
      const incident = incidentById.get(from);
      if (incident && countryOf.has(to))
        incident.countries.push({
          iso2: countryOf.get(to) ?? '',
          primary: object.x_cig_primary ?? incident.countries.length === 0,
        });
      // Others' bundles: an incident targets the sectors of the organizations it hit. Ours say so.
      if (incident && !(ours && organizationIdOf.has(to)))
        incident.sectorIds.push(...(sectorIdsOf.get(to) ?? []));
      if (incident && organizationIdOf.has(to))
        incident.organizationIds.push(organizationIdOf.get(to) ?? '');
    } else if (type === 'located-at' && organizationIdOf.has(from) && countryOf.has(to)) {
      const organization = records.organizations.find((o) => o.id === organizationIdOf.get(from));
      if (organization) organization.country = countryOf.get(to) ?? null;
    } else {
      skip(
        `relationships of type ${type ?? 'unknown'} between ${from.split('--')[0] ?? '?'} and ${to.split('--')[0] ?? '?'}`,
      );
    }
  }
  if (absentEnds > 0) {
    result.skipped['relationships whose ends are absent from the bundle'] = absentEnds;
    result.notes.push(
      `${absentEnds} relationships point at objects that are not in the bundle; they were left out`,
    );
  }
  for (const incident of records.incidents) {
    incident.sectorIds = [...new Set(incident.sectorIds)];
  }
  for (const actor of records.actors) {
    if (actor.targets) {
      actor.targets.sectorIds = [...new Set(actor.targets.sectorIds)];
      actor.targets.countries = [...new Set(actor.targets.countries)];
    }
  }
  records.sources.push(...sources.values());
  if (bundleSource.cited)
    records.sources.push({
      id: bundleSourceId.id,
      url: bundleSourceId.url,
      title: `STIX bundle ${bundle.data.id}`,
      publisher: null,
      publishedAt: null,
    });
  return result;
}

/** A STIX timestamp's day, as a date known to the day; undefined when absent or not a date we keep. */
function dayOf(timestamp: string | undefined): PartialDate | undefined {
  if (!timestamp) return undefined;
  const parsed = parsePartialDate(timestamp.slice(0, 10));
  return 'error' in parsed ? undefined : parsed;
}
