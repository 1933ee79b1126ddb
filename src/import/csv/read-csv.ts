import { parse } from 'csv-parse/sync';
import { parsePartialDate, type PartialDate } from '../../domain/partial-date.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import {
  emptyReadResult,
  emptyRecords,
  sourceIdOf,
  type ActorRecord,
  type ReadResult,
} from '../records.js';
import { slugify } from '../slug.js';
import type { CsvMapping } from './mapping.js';

/**
 * A CSV export of another tracker → incidents (and the actors it names), as the mapping file
 * says. Each row is one incident; a row with anything unresolvable (a country, a sector, a date)
 * is rejected whole and reported with its line, column and value.
 */
export function readCsv(
  text: string,
  file: string,
  mapping: CsvMapping,
  taxonomy: Taxonomy,
): ReadResult {
  const records = emptyRecords();
  const result: ReadResult = { ...emptyReadResult(), records };
  let rows: { record: string[]; line: number }[];
  try {
    rows =
      // With `info: true` csv-parse returns { record, info } per row; its typings do not say so.
      (
        parse(text, {
          delimiter: mapping.delimiter,
          bom: true,
          relax_column_count: true,
          skip_empty_lines: true,
          info: true,
        }) as unknown as {
          record: string[];
          info: { lines: number };
        }[]
      ).map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/i.exec(message)?.[1];
    result.issues.push({
      file,
      location: line ? `line ${line}` : 'file',
      reason: `malformed CSV: ${message}`,
    });
    return result;
  }
  const [header, ...body] = rows;
  if (!header) {
    result.issues.push({ file, location: 'file', reason: 'empty CSV: expected a header row' });
    return result;
  }
  const names = header.record.map((h) => h.trim());
  const indexOf = new Map(names.map((name, i) => [name, i]));
  const wanted = Object.entries(mapping.columns).map(
    ([field, spec]) => [field, typeof spec === 'string' ? spec : spec.column] as const,
  );
  const missing = wanted.filter(([, name]) => !indexOf.has(name));
  if (missing.length > 0) {
    result.issues.push({
      file,
      location: 'line 1',
      reason: `the mapping names columns the header lacks: ${missing.map(([field, name]) => `${field} → "${name}"`).join(', ')} (header: ${names.map((n) => `"${n}"`).join(', ')})`,
    });
    return result;
  }

  const actors = new Map<string, ActorRecord>();
  const usedIds = new Set<string>();
  for (const { record, line } of body) {
    const location = `line ${line}`;
    const problems: { field: string; reason: string }[] = [];
    const issue = (field: string, reason: string): void => {
      problems.push({ field, reason });
    };
    if (record.length !== names.length) {
      result.issues.push({
        file,
        kind: 'incidents',
        location,
        reason: `expected ${names.length} columns, found ${record.length}`,
      });
      continue;
    }
    const cell = (name: string | undefined): string =>
      name === undefined ? '' : (record[indexOf.get(name) ?? -1] ?? '').trim();
    const cells = (spec: { column: string; split?: string | undefined } | undefined): string[] => {
      if (!spec) return [];
      const value = cell(spec.column);
      return (spec.split ? value.split(spec.split) : [value])
        .map((v) => v.trim())
        .filter((v) => v !== '');
    };
    const { columns } = mapping;

    const title = cell(columns.title);
    if (title === '') issue(columns.title, 'an incident needs a title');
    const start = readDate(cell(columns.startDate), mapping.dateFormat);
    if ('error' in start) issue(columns.startDate, start.error);
    const endText = cell(columns.endDate);
    const end = endText === '' ? undefined : readDate(endText, mapping.dateFormat);
    if (end && 'error' in end) issue(columns.endDate ?? '', end.error);
    if (end && !('error' in end) && !('error' in start) && end.last < start.first) {
      issue(columns.endDate ?? '', `"${endText}" is before the start "${cell(columns.startDate)}"`);
    }

    const sectorIds = cells(columns.sectors).flatMap((value) => {
      const mapped = taxonomy.mapSector(columns.sectors?.vocabulary ?? 'native', value);
      if (mapped && 'ids' in mapped) return mapped.ids;
      issue(
        columns.sectors?.column ?? '',
        mapped
          ? `sector "${value}" maps to no sector of ours (${mapped.unmapped})`
          : `unknown sector "${value}" in the ${columns.sectors?.vocabulary ?? 'native'} vocabulary`,
      );
      return [];
    });
    const countries = cells(columns.countries).flatMap((value, i) => {
      const code = taxonomy.resolveCountry(value);
      if (code) return [{ iso2: code, primary: i === 0 }];
      const not = taxonomy.notACountry(value);
      issue(
        columns.countries?.column ?? '',
        not ? `"${value}" is not a country (${not})` : `unknown country "${value}"`,
      );
      return [];
    });
    const attackTypes = cells(columns.attackTypes).flatMap((value) => {
      const mapped = taxonomy.mapAttackType(columns.attackTypes?.vocabulary ?? 'native', value);
      if (mapped && 'ids' in mapped) return mapped.ids;
      issue(
        columns.attackTypes?.column ?? '',
        `unknown attack type "${value}" in the ${columns.attackTypes?.vocabulary ?? 'native'} vocabulary`,
      );
      return [];
    });
    const urls = cells(columns.sources);
    for (const url of urls)
      if (!/^https?:\/\/\S+$/.test(url))
        issue(columns.sources.column, `"${url}" is not an http(s) URL`);
    if (urls.length === 0)
      issue(columns.sources.column, 'every incident needs at least one source URL');

    const rowId = cell(columns.id);
    const baseId = slugify(rowId || `${'error' in start ? '' : start.first.slice(0, 7)}-${title}`);
    if (!baseId) issue(columns.id ?? columns.title, 'cannot make an id from this row');
    const id = `${mapping.idPrefix}${baseId}`;
    if (usedIds.has(id))
      issue(columns.id ?? columns.title, `duplicate id "${id}" (an earlier row has it)`);

    if (problems.length > 0 || 'error' in start || (end && 'error' in end)) {
      for (const p of problems)
        result.issues.push({
          file,
          kind: 'incidents',
          location,
          recordId: rowId || title || undefined,
          field: p.field,
          reason: p.reason,
        });
      continue;
    }
    usedIds.add(id);
    result.locations.set(`incidents:${id}`, location);
    const sourceIds = urls.map((url) => {
      const sid = sourceIdOf(url);
      if (!records.sources.some((s) => s.id === sid))
        records.sources.push({ id: sid, url, title: null, publisher: null, publishedAt: null });
      return sid;
    });
    const actorNames = cells(columns.actors);
    for (const name of actorNames) {
      const actorId = slugify(name);
      if (!actors.has(actorId)) {
        actors.set(actorId, {
          id: actorId,
          name,
          aliases: [],
          type: null,
          motivations: [],
          description: null,
          firstSeen: null,
          lastSeen: null,
          externalIds: [],
          origin: null,
          sponsors: [],
          affiliations: [],
          targets: null,
        });
      }
    }
    records.incidents.push({
      id,
      title,
      description: cell(columns.description) || null,
      startDate: start.first,
      endDate: (end ?? start).last,
      datePrecision: start.precision,
      endPrecision: end?.precision ?? null,
      attackTypes: [...new Set(attackTypes)],
      objective: null,
      disruptionDays: null,
      recordsAffected: null,
      ransomDemandedUsd: null,
      ransomPaidUsd: null,
      sectorIds: [...new Set(sectorIds)],
      countries: dedupeCountries(countries),
      organizationIds: [],
      campaignId: null,
      sourceIds,
      attributions: actorNames.map((name) => ({
        actorId: slugify(name),
        confidence: mapping.attribution.confidence,
        basis: mapping.attribution.basis,
        status: mapping.attribution.status,
        claimedBy: mapping.attribution.claimedBy ?? null,
        assessedAt: null,
        sourceIds,
        key: null,
      })),
      externalIds: rowId ? [`csv:${rowId}`] : [],
      regions: [],
      impact: null,
    });
  }
  records.actors.push(...actors.values());
  return result;
}

function dedupeCountries(
  countries: { iso2: string; primary: boolean }[],
): { iso2: string; primary: boolean }[] {
  const seen = new Map<string, { iso2: string; primary: boolean }>();
  for (const c of countries) if (!seen.has(c.iso2)) seen.set(c.iso2, c);
  return [...seen.values()];
}

function readDate(text: string, format: CsvMapping['dateFormat']): PartialDate | { error: string } {
  if (text === '') return { error: 'a date is required' };
  if (format === 'iso') return parsePartialDate(text);
  // Slashed dates may drop the day (03/2022) or be a bare year, like trackers write them.
  const parts = text.split('/');
  if (
    !parts.every((p) => /^\d+$/.test(p)) ||
    parts.length > 3 ||
    !/^\d{4}$/.test(parts.at(-1) ?? '')
  ) {
    return { error: `expected a date as ${format} (or mm/yyyy, yyyy), got "${text}"` };
  }
  const pad = (v: string | undefined): string => (v ?? '').padStart(2, '0');
  const [a, b, year] =
    parts.length === 3
      ? parts
      : parts.length === 2
        ? [undefined, parts[0], parts[1]]
        : [undefined, undefined, parts[0]];
  if (parts.length === 1) return parsePartialDate(year ?? '');
  if (parts.length === 2) return parsePartialDate(`${year ?? ''}-${pad(b)}`);
  const [day, month] = format === 'dd/mm/yyyy' ? [a, b] : [b, a];
  return parsePartialDate(`${year ?? ''}-${pad(month)}-${pad(day)}`);
}
