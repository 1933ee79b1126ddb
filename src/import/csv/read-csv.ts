import type { PartialDate } from '../../domain/partial-date.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { emptyReadResult, sourceIdOf, type IncidentRecord, type ReadResult } from '../records.js';
import { slugify } from '../slug.js';
import { ActorBook, actorIdOf, saysAnything, type ActorFacts } from './actors.js';
import { CsvRow } from './csv-row.js';
import { parseCsvTable, type CsvTable } from '../csv-table.js';
import { DateOrderCheck } from './dates.js';
import type { FieldReader } from './field-reader.js';
import type { CsvMapping } from './mapping.js';
import { OrganizationBook } from './organizations.js';
import { compileReaders, namedColumns, type CsvReaders } from './readers.js';
import type { Receiver } from './receivers.js';
import { readRowFields, unique, type RowReading } from './row-reading.js';
import type { Place } from './vocabularies.js';

/** What the rows of one file build together: actors, organisations and sources named by many rows. */
interface FileState {
  file: string;
  mapping: CsvMapping;
  readers: CsvReaders;
  result: ReadResult;
  actors: ActorBook;
  organizations: OrganizationBook;
  sourceIds: Set<string>;
  incidentIds: Set<string>;
  dates: DateOrderCheck;
}

/**
 * A CSV export of another tracker → incidents (and the actors, organisations and sources they
 * name), as the mapping file says. Each row is one incident. A value the mapping or the taxonomy
 * knows to mean nothing is dropped and counted; an unknown one rejects the row or is dropped, as the
 * mapping says; a rejected row is reported with its line, column and value.
 */
export function readCsv(
  text: string,
  file: string,
  mapping: CsvMapping,
  taxonomy: Taxonomy,
): ReadResult {
  const result = emptyReadResult();
  const table = openTable(text, mapping, taxonomy);
  if ('reason' in table) {
    result.issues.push({ file, location: table.location, reason: table.reason });
    return result;
  }
  const state: FileState = {
    file,
    mapping,
    readers: table.readers,
    result,
    actors: new ActorBook(),
    organizations: new OrganizationBook(),
    sourceIds: new Set(),
    incidentIds: new Set(),
    dates: new DateOrderCheck(mapping.dateFormat),
  };
  for (const { cells, line } of table.rows) {
    const row = new CsvRow(file, line, cells, table.indexOf);
    if (cells.length === table.header.length) readRow(row, state);
    else
      result.issues.push({
        file,
        kind: 'incidents',
        location: row.location,
        reason: `expected ${table.header.length} columns, found ${cells.length}`,
      });
  }
  return finishFile(state);
}

/** A table whose header has every column the mapping names, with the mapping compiled to read it. */
interface OpenTable extends CsvTable {
  readers: CsvReaders;
  indexOf: ReadonlyMap<string, number>;
}

/** The mapping compiled and the file parsed, or where and why either failed. */
function openTable(
  text: string,
  mapping: CsvMapping,
  taxonomy: Taxonomy,
): OpenTable | { location: string; reason: string } {
  const compiled = compileReaders(mapping, taxonomy);
  if ('errors' in compiled)
    return { location: 'file', reason: `the mapping is invalid: ${compiled.errors.join('; ')}` };
  const table = parseCsvTable(text, mapping.delimiter);
  if ('error' in table)
    return { location: table.line ? `line ${table.line}` : 'file', reason: table.error };
  const indexOf = new Map(table.header.map((name, i) => [name, i]));
  const missing = namedColumns(compiled.readers).filter(({ column }) => !indexOf.has(column));
  if (missing.length === 0) return { ...table, readers: compiled.readers, indexOf };
  const named = missing.map(({ where, column }) => `${where} → "${column}"`).join(', ');
  const header = table.header.map((n) => `"${n}"`).join(', ');
  return {
    location: 'line 1',
    reason: `the mapping names columns the header lacks: ${named} (header: ${header})`,
  };
}

/** The file's actors, organisations and notes after its last row; or, when its dates cannot be read, only that. */
function finishFile(state: FileState): ReadResult {
  const { file, result } = state;
  // The rows' own date problems would only repeat the refusal, which says it of the whole file.
  const refusal = state.dates.refusal();
  if (refusal) {
    const refused = emptyReadResult();
    refused.issues.push({ file, location: 'file', field: 'dateFormat', reason: refusal });
    return refused;
  }
  result.records.actors.push(...state.actors.records());
  result.records.organizations.push(...state.organizations.records());
  result.notes.push(...state.actors.notes);
  const ambiguous = state.dates.summary();
  if (ambiguous) result.notes.push(ambiguous);
  return result;
}

/** One row → one incident, or the row's problems as issues. */
function readRow(row: CsvRow, state: FileState): void {
  const reading = readRowFields(row, state);
  const id = incidentId(row, state, reading);
  if (row.problems.length > 0 || !reading.start || !id) {
    for (const problem of row.problems)
      state.result.issues.push({
        file: state.file,
        kind: 'incidents',
        location: row.location,
        recordId: reading.rowId || reading.title || undefined,
        ...problem,
      });
    return;
  }
  state.incidentIds.add(id);
  state.result.locations.set(`incidents:${id}`, row.location);
  addSources(state, reading.urls);
  addActors(row, state, reading);
  state.result.records.incidents.push(
    incidentOf(id, reading.start, reading, addVictims(row, state, reading)),
  );
  state.result.dropped.push(...row.dropped);
}

function incidentOf(
  id: string,
  start: PartialDate,
  reading: RowReading,
  organizationIds: string[],
): IncidentRecord {
  const { end, sourceIds } = reading;
  return {
    id,
    title: reading.title,
    description: reading.description || null,
    startDate: start.first,
    endDate: (end ?? start).last,
    datePrecision: start.precision,
    endPrecision: end?.precision ?? null,
    attackTypes: reading.attackTypes,
    objective: null,
    disruptionDays: null,
    recordsAffected: null,
    ransomDemandedUsd: null,
    ransomPaidUsd: null,
    sectorIds: reading.sectorIds,
    countries: countriesOf(reading.places),
    regions: unique(reading.places.flatMap((p) => ('region' in p ? [p.region] : []))),
    organizationIds,
    campaignId: null,
    sourceIds,
    attributions: unique(reading.actorNames.map(actorIdOf)).map((actorId) => ({
      actorId,
      sourceIds,
      ...reading.claim,
    })),
    externalIds: reading.rowId ? [`csv:${reading.rowId}`] : [],
    impact: reading.impact,
  };
}

/** What the row says of its actors goes to each of them; said with no actor named, it is dropped. */
function addActors(
  row: CsvRow,
  state: FileState,
  { actorNames, facts, sourceIds }: RowReading,
): void {
  if (actorNames.length === 0 && saysAnything(facts))
    row.drop(
      actorColumns(state.readers.actor),
      'says something of an actor, but the row names none',
      describeFacts(facts),
    );
  for (const name of actorNames) state.actors.add(name, facts, row, sourceIds);
}

/** The row's victim organisations: each receiver's, then the organisation column's. */
function addVictims(row: CsvRow, state: FileState, reading: RowReading): string[] {
  const { readers } = state;
  const primary = countriesOf(reading.places)[0]?.iso2 ?? null;
  const victims: Victim[] = [
    ...reading.receivers.flatMap((r) => receiverVictims(r, readers.receivers.organizations)),
    ...reading.organizationNames.map((name) => ({
      name,
      sectorIds: reading.sectorIds,
      country: primary,
      field: readers.organizations?.columns.join(', ') ?? '',
    })),
  ];
  return addOrganizations(row, state, victims);
}

/** The id column's value (or, without one, the start month and title) as an id, unique in the file. */
function incidentId(row: CsvRow, state: FileState, reading: RowReading): string | undefined {
  const { rowId, title, start } = reading;
  const field = (state.readers.id ?? state.readers.title).columns.join(', ');
  const base = slugify(rowId || `${start ? start.first.slice(0, 7) : ''}-${title}`);
  if (!base) {
    row.problem(field, 'cannot make an id from this row');
    return undefined;
  }
  const id = `${state.mapping.idPrefix}${base}`;
  if (state.incidentIds.has(id)) row.problem(field, 'duplicate id (an earlier row has it)', id);
  return id;
}

function addSources(state: FileState, urls: readonly string[]): void {
  for (const url of urls) {
    const id = sourceIdOf(url);
    if (state.sourceIds.has(id)) continue;
    state.sourceIds.add(id);
    state.result.records.sources.push({ id, url, title: null, publisher: null, publishedAt: null });
  }
}

/** The countries among places, in order, the first primary. */
function countriesOf(places: readonly Place[]): IncidentRecord['countries'] {
  return unique(places.flatMap((p) => ('country' in p ? [p.country] : []))).map((iso2, i) => ({
    iso2,
    primary: i === 0,
  }));
}

/** A victim organisation named on a row, with the sectors and country it is given. */
interface Victim {
  name: string;
  sectorIds: string[];
  country: string | null;
  field: string;
}

/** A receiver's organisations, each with the receiver's own sectors and country. */
function receiverVictims(receiver: Receiver, reader: FieldReader<string> | undefined): Victim[] {
  const country = countriesOf(receiver.places)[0]?.iso2 ?? null;
  const field = reader?.columns.join(', ') ?? '';
  return receiver.organizations.map((name) => ({
    name,
    sectorIds: receiver.sectorIds,
    country,
    field,
  }));
}

/** Adds the row's victims to the file's organisations; a name no id can be made from is dropped. */
function addOrganizations(row: CsvRow, state: FileState, victims: readonly Victim[]): string[] {
  const ids = victims.flatMap((victim) => {
    const id = state.organizations.add(victim.name, victim.sectorIds, victim.country);
    if (id === undefined)
      row.drop(victim.field, 'no organisation id can be made from this name', victim.name);
    return id === undefined ? [] : [id];
  });
  return unique(ids);
}

/** The columns that say something of the row's actors, to name where a dropped fact came from. */
function actorColumns(readers: CsvReaders['actor']): string {
  const { origin, sponsors, type, aliases } = readers;
  return [origin, sponsors, type, aliases].flatMap((r) => r?.columns ?? []).join(', ');
}

function describeFacts(facts: ActorFacts): string {
  return [
    facts.origin && `origin ${facts.origin}`,
    facts.sponsors.length > 0 && `sponsors ${facts.sponsors.join(', ')}`,
    facts.type && `type ${facts.type}`,
    facts.aliases.length > 0 && `aliases ${facts.aliases.join(', ')}`,
  ]
    .filter(Boolean)
    .join('; ');
}
