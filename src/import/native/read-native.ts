import type { z } from 'zod';
import { parsePartialDate, type PartialDate } from '../../domain/partial-date.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { parseJsonFile } from '../json-file.js';
import {
  emptyRecords,
  type ReadResult,
  sourceIdOf,
  type ImportIssue,
  type RecordKind,
  type StateClaimRecord,
} from '../records.js';
import {
  actorSchema,
  campaignSchema,
  datasetEnvelopeSchema,
  DATASET_FORMAT,
  incidentSchema,
  organizationSchema,
  sourceSchema,
} from './format.js';

/**
 * Reads a native dataset: the envelope must be right or nothing is read; then each record is
 * validated on its own, so one bad record is reported (path, field, reason) and left out while
 * the others go on. Taxonomy ids and country codes are checked here; references between records
 * are checked later, against the whole import and the database (see references.ts).
 */
export function readNativeDataset(text: string, file: string, taxonomy: Taxonomy): ReadResult {
  const records = emptyRecords();
  const issues: ImportIssue[] = [];
  const locations = new Map<string, string>();
  const result: ReadResult = { records, issues, locations, skipped: {}, notes: [] };
  const parsed = parseJsonFile(text, file);
  if ('issue' in parsed) {
    issues.push(parsed.issue);
    return result;
  }

  const envelope = datasetEnvelopeSchema.safeParse(parsed.value);
  if (!envelope.success) {
    for (const problem of envelope.error.issues) {
      issues.push({
        file,
        location: 'file',
        field: problem.path.join('.') || undefined,
        reason:
          problem.path[0] === 'format'
            ? `expected "format": "${DATASET_FORMAT}" (is this a native dataset? use --format for others)`
            : problem.message,
      });
    }
    return result;
  }
  const doc = envelope.data;

  const each = <S extends z.ZodType>(
    kind: RecordKind,
    items: unknown[],
    schema: S,
    accept: (value: z.infer<S>, problems: Problem[]) => void,
  ): void => {
    items.forEach((item, index) => {
      const location = `${kind}[${index}]`;
      const recordId =
        typeof item === 'object' && item !== null && 'id' in item ? String(item.id) : undefined;
      if (recordId) locations.set(`${kind}:${recordId}`, location);
      const result = schema.safeParse(item);
      const problems: Problem[] = result.success
        ? []
        : result.error.issues.map((p) => ({ field: p.path.join('.'), reason: p.message }));
      if (result.success) accept(result.data, problems);
      for (const problem of problems) {
        issues.push({
          file,
          kind,
          location,
          ...(recordId ? { recordId } : {}),
          field: problem.field || undefined,
          reason: problem.reason,
        });
      }
    });
  };

  each('sources', doc.sources, sourceSchema, (s) => {
    records.sources.push({
      id: sourceIdOf(s.url),
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      publishedAt: s.publishedAt ?? null,
    });
  });

  const claim = (
    c: { country: string; confidence: number; sources: string[] },
    field: string,
    problems: Problem[],
  ): StateClaimRecord => {
    checkCountry(c.country, field, taxonomy, problems);
    return { country: c.country, confidence: c.confidence, sourceIds: c.sources.map(sourceIdOf) };
  };

  each('actors', doc.actors, actorSchema, (a, problems) => {
    const targets = a.targets ?? null;
    targets?.sectors.forEach((s, i) => {
      checkSector(s, `targets.sectors.${i}`, taxonomy, problems);
    });
    targets?.countries.forEach((c, i) => {
      checkCountry(c, `targets.countries.${i}`, taxonomy, problems);
    });
    checkOrder(a.firstSeen, a.lastSeen, 'lastSeen', problems);
    const record = {
      id: a.id,
      name: a.name,
      aliases: a.aliases,
      type: a.type,
      motivations: a.motivations,
      description: a.description ?? null,
      firstSeen: a.firstSeen ?? null,
      lastSeen: a.lastSeen ?? null,
      externalIds: a.externalIds,
      origin: a.origin ? claim(a.origin, 'origin.country', problems) : null,
      sponsors: a.sponsors.map((s, i) => claim(s, `sponsors.${i}.country`, problems)),
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
    if (problems.length === 0) records.actors.push(record);
  });

  each('campaigns', doc.campaigns, campaignSchema, (c, problems) => {
    const start = c.startDate ? dateOf(c.startDate) : null;
    const end = c.endDate ? dateOf(c.endDate) : null;
    checkOrder(c.startDate, c.endDate, 'endDate', problems);
    if (problems.length === 0) {
      records.campaigns.push({
        id: c.id,
        name: c.name,
        description: c.description ?? null,
        startDate: start?.first ?? null,
        startPrecision: start?.precision ?? null,
        endDate: end?.last ?? null,
        endPrecision: end?.precision ?? null,
      });
    }
  });

  each('organizations', doc.organizations, organizationSchema, (o, problems) => {
    o.sectors.forEach((s, i) => {
      checkSector(s, `sectors.${i}`, taxonomy, problems);
    });
    if (o.country) checkCountry(o.country, 'country', taxonomy, problems);
    if (problems.length === 0)
      records.organizations.push({
        id: o.id,
        name: o.name,
        sectorIds: o.sectors,
        country: o.country ?? null,
      });
  });

  each('incidents', doc.incidents, incidentSchema, (inc, problems) => {
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
    if (problems.length > 0) return;
    const start = dateOf(inc.startDate);
    const end = inc.endDate ? dateOf(inc.endDate) : null;
    records.incidents.push({
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
      attributions: inc.attributions.map((a) => ({
        actorId: a.actor,
        confidence: a.confidence,
        basis: a.basis,
        status: a.status,
        claimedBy: a.claimedBy ?? null,
        assessedAt: a.assessedAt ?? null,
        sourceIds: a.sources.map(sourceIdOf),
      })),
      externalIds: inc.externalIds,
    });
  });

  return result;
}

interface Problem {
  field: string;
  reason: string;
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
  problems: Problem[],
): void {
  if (!start || !end) return;
  const a = parsePartialDate(start);
  const b = parsePartialDate(end);
  if ('error' in a || 'error' in b) return;
  if (b.last < a.first) problems.push({ field, reason: `"${end}" is before the start "${start}"` });
}

function checkSector(id: string, field: string, taxonomy: Taxonomy, problems: Problem[]): void {
  if (!taxonomy.isSector(id))
    problems.push({ field, reason: `unknown sector "${id}" (see seeds/taxonomy/sectors.json)` });
}

function checkCountry(code: string, field: string, taxonomy: Taxonomy, problems: Problem[]): void {
  if (taxonomy.resolveCountry(code) !== code)
    problems.push({
      field,
      reason: `unknown country code "${code}" (expected ISO 3166-1 alpha-2)`,
    });
}
