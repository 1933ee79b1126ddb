import type { z } from 'zod';
import { parsePartialDate, type PartialDate } from '../../domain/partial-date.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { isEmptyImpact } from '../impact-properties.js';
import {
  sourceIdOf,
  type AttributionRecord,
  type ImpactRecord,
  type RecordKind,
  type RecordOf,
  type RecordProblem,
  type StateClaimRecord,
} from '../records.js';
import {
  actorSchema,
  type AttributionInput,
  campaignSchema,
  incidentSchema,
  organizationSchema,
  sourceSchema,
  type IncidentInput,
} from './format.js';

/** A native record checked and converted: the graph record, or every problem found in it. */
export type Converted<K extends RecordKind> =
  { record: RecordOf<K>; problems?: undefined } | { record?: undefined; problems: RecordProblem[] };

/**
 * Checks one record of a native dataset — its schema (format.ts), then what the schema cannot
 * know: taxonomy ids, country codes, the order of dates — and converts it to a graph record. A
 * record is judged on its own; references to other records are checked later, against the whole
 * import and the database (see references.ts).
 */
export function convertNativeRecord<K extends RecordKind>(
  kind: K,
  item: unknown,
  taxonomy: Taxonomy,
): Converted<K> {
  return converters[kind](item, taxonomy);
}

type Converter<K extends RecordKind> = (item: unknown, taxonomy: Taxonomy) => Converted<K>;

/** Runs the schema, then `convert` on the parsed value; problems from either reject the record. */
function withSchema<S extends z.ZodType, K extends RecordKind>(
  schema: S,
  convert: (value: z.infer<S>, taxonomy: Taxonomy, problems: RecordProblem[]) => RecordOf<K>,
): Converter<K> {
  return (item, taxonomy) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success)
      return {
        problems: parsed.error.issues.map((p) => ({ field: p.path.join('.'), reason: p.message })),
      };
    const problems: RecordProblem[] = [];
    const record = convert(parsed.data, taxonomy, problems);
    return problems.length > 0 ? { problems } : { record };
  };
}

const converters: { [K in RecordKind]: Converter<K> } = {
  sources: withSchema(sourceSchema, (s) => ({
    id: sourceIdOf(s.url),
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    publishedAt: s.publishedAt ?? null,
  })),

  actors: withSchema(actorSchema, (a, taxonomy, problems) => {
    const targets = a.targets ?? null;
    targets?.sectors.forEach((s, i) => {
      checkSector(s, `targets.sectors.${i}`, taxonomy, problems);
    });
    targets?.countries.forEach((c, i) => {
      checkCountry(c, `targets.countries.${i}`, taxonomy, problems);
    });
    checkOrder(a.firstSeen, a.lastSeen, 'lastSeen', problems);
    const claim = (
      c: { country: string; confidence: number; sources: string[] },
      field: string,
    ): StateClaimRecord => {
      checkCountry(c.country, field, taxonomy, problems);
      return {
        country: c.country,
        confidence: c.confidence,
        sourceIds: c.sources.map(sourceIdOf),
      };
    };
    return {
      id: a.id,
      name: a.name,
      aliases: a.aliases,
      type: a.type,
      motivations: a.motivations,
      description: a.description ?? null,
      firstSeen: a.firstSeen ?? null,
      lastSeen: a.lastSeen ?? null,
      externalIds: a.externalIds,
      origin: a.origin ? claim(a.origin, 'origin.country') : null,
      sponsors: a.sponsors.map((s, i) => claim(s, `sponsors.${i}.country`)),
      affiliations: a.affiliations.map((f) => ({ actorId: f.actor, kind: f.kind })),
      targets: targets
        ? {
            sectorIds: targets.sectors,
            countries: targets.countries,
            confidence: targets.confidence ?? null,
            sourceIds: targets.sources.map(sourceIdOf),
          }
        : null,
    };
  }),

  campaigns: withSchema(campaignSchema, (c, _taxonomy, problems) => {
    const start = c.startDate ? dateOf(c.startDate) : null;
    const end = c.endDate ? dateOf(c.endDate) : null;
    checkOrder(c.startDate, c.endDate, 'endDate', problems);
    return {
      id: c.id,
      name: c.name,
      description: c.description ?? null,
      startDate: start?.first ?? null,
      startPrecision: start?.precision ?? null,
      endDate: end?.last ?? null,
      endPrecision: end?.precision ?? null,
      attributions: c.attributions.map(attributionOf),
    };
  }),

  organizations: withSchema(organizationSchema, (o, taxonomy, problems) => {
    o.sectors.forEach((s, i) => {
      checkSector(s, `sectors.${i}`, taxonomy, problems);
    });
    if (o.country) checkCountry(o.country, 'country', taxonomy, problems);
    return { id: o.id, name: o.name, sectorIds: o.sectors, country: o.country ?? null };
  }),

  incidents: withSchema(incidentSchema, (inc, taxonomy, problems) => {
    inc.sectors.forEach((s, i) => {
      checkSector(s, `sectors.${i}`, taxonomy, problems);
    });
    inc.countries.forEach((c, i) => {
      checkCountry(c.country, `countries.${i}.country`, taxonomy, problems);
    });
    inc.attackTypes.forEach((t, i) => {
      if (!taxonomy.isAttackType(t))
        problems.push({
          field: `attackTypes.${i}`,
          reason: `unknown attack type "${t}" (see seeds/taxonomy/attack-types.json)`,
        });
    });
    checkOrder(inc.startDate, inc.endDate, 'endDate', problems);
    const start = dateOf(inc.startDate);
    const end = inc.endDate ? dateOf(inc.endDate) : null;
    return {
      id: inc.id,
      title: inc.title,
      description: inc.description ?? null,
      startDate: start.first,
      endDate: (end ?? start).last,
      datePrecision: start.precision,
      endPrecision: end?.precision ?? null,
      attackTypes: inc.attackTypes,
      objective: inc.objective ?? null,
      disruptionDays: inc.impact?.disruptionDays ?? null,
      recordsAffected: inc.impact?.recordsAffected ?? null,
      ransomDemandedUsd: inc.impact?.ransomDemandedUsd ?? null,
      ransomPaidUsd: inc.impact?.ransomPaidUsd ?? null,
      sectorIds: inc.sectors,
      countries: inc.countries.map((c) => ({ iso2: c.country, primary: c.primary })),
      organizationIds: inc.organizations,
      campaignId: inc.campaign ?? null,
      sourceIds: inc.sources.map(sourceIdOf),
      attributions: inc.attributions.map(attributionOf),
      externalIds: inc.externalIds,
      regions: inc.regions,
      impact: inc.impact ? measuredImpact(inc.impact) : null,
    };
  }),
};

function attributionOf(a: AttributionInput): AttributionRecord {
  return {
    actorId: a.actor,
    confidence: a.confidence,
    basis: a.basis,
    status: a.status,
    claimedBy: a.claimedBy ?? null,
    assessedAt: a.assessedAt ?? null,
    sourceIds: a.sources.map(sourceIdOf),
    key: null,
  };
}

/** The measured part of a native impact (the four quantities are the incident's own fields). */
function measuredImpact(impact: NonNullable<IncidentInput['impact']>): ImpactRecord | null {
  const intensity = impact.cyberIntensity;
  const measured: ImpactRecord = {
    categories: impact.categories.map((c) => ({
      category: c.category,
      description: c.description ?? null,
    })),
    cyberIntensity: intensity
      ? {
          unweighted: intensity.unweighted ?? null,
          weighted: intensity.weighted ?? null,
          targetMultiplier: intensity.targetMultiplier ?? null,
        }
      : null,
    functional: impact.functional ?? null,
    intelligence: impact.intelligence ?? null,
    political: impact.political,
    economic: impact.economic ?? null,
    economicValue: impact.economicValue
      ? { amount: impact.economicValue.amount, currency: impact.economicValue.currency ?? null }
      : null,
    casualties: impact.casualties ?? null,
    sourceIds: impact.sources.map(sourceIdOf),
  };
  return isEmptyImpact(measured) ? null : measured;
}

/** Only called on values the schema already accepted as partial dates. */
function dateOf(text: string): PartialDate {
  const parsed = parsePartialDate(text);
  if ('error' in parsed) throw new Error(`unreachable: ${parsed.error}`);
  return parsed;
}

function checkOrder(
  start: string | null | undefined,
  end: string | null | undefined,
  field: string,
  problems: RecordProblem[],
): void {
  if (!start || !end) return;
  const a = parsePartialDate(start);
  const b = parsePartialDate(end);
  if ('error' in a || 'error' in b) return;
  if (b.last < a.first) problems.push({ field, reason: `"${end}" is before the start "${start}"` });
}

function checkSector(
  id: string,
  field: string,
  taxonomy: Taxonomy,
  problems: RecordProblem[],
): void {
  if (!taxonomy.isSector(id))
    problems.push({ field, reason: `unknown sector "${id}" (see seeds/taxonomy/sectors.json)` });
}

function checkCountry(
  code: string,
  field: string,
  taxonomy: Taxonomy,
  problems: RecordProblem[],
): void {
  if (taxonomy.resolveCountry(code) !== code)
    problems.push({
      field,
      reason: `unknown country code "${code}" (expected ISO 3166-1 alpha-2)`,
    });
}
