import type { PartialDate } from '../../domain/partial-date.js';
import type { ImpactRecord } from '../records.js';
import { actorIdOf, readActorFacts, type ActorFacts } from './actors.js';
import { readClaim, type RowClaim } from './claims.js';
import type { CsvRow } from './csv-row.js';
import { readDateField, type DateOrderCheck } from './dates.js';
import { readImpact } from './impact.js';
import type { CsvMapping } from './mapping.js';
import type { CsvReaders } from './readers.js';
import { readReceivers, type Receiver } from './receivers.js';
import { sourceIdOf } from '../records.js';
import type { Place } from './vocabularies.js';

/** Everything one row says, read and resolved; the row's problems are on the row. */
export interface RowReading {
  rowId: string;
  title: string;
  description: string;
  start: PartialDate | undefined;
  end: PartialDate | undefined;
  receivers: Receiver[];
  /** Receivers' places first: the first receiver's country is the incident's primary one. */
  places: Place[];
  sectorIds: string[];
  attackTypes: string[];
  urls: string[];
  sourceIds: string[];
  actorNames: string[];
  claim: RowClaim;
  facts: ActorFacts;
  impact: ImpactRecord | null;
  organizationNames: string[];
}

interface Context {
  readers: CsvReaders;
  mapping: CsvMapping;
  dates: DateOrderCheck;
}

/** Reads every field of a row; what is wrong is left on the row as problems or dropped values. */
export function readRowFields(row: CsvRow, context: Context): RowReading {
  const { readers } = context;
  const receivers = readReceivers(row, readers.receivers);
  const urls = readSources(row, readers.sources);
  const sourceIds = urls.map(sourceIdOf);
  return {
    rowId: row.text(readers.id),
    ...readTitle(row, readers),
    ...readDates(row, context),
    receivers,
    places: [...receivers.flatMap((r) => r.places), ...row.read(readers.countries)],
    sectorIds: unique([...receivers.flatMap((r) => r.sectorIds), ...row.read(readers.sectors)]),
    attackTypes: unique(row.read(readers.attackTypes)),
    urls,
    sourceIds,
    actorNames: readActorNames(row, readers.actors),
    claim: readClaim(row, readers.claims, context.mapping, context.dates),
    facts: readActorFacts(row, readers.actor),
    impact: readImpact(row, readers.impact, sourceIds),
    organizationNames: row.read(readers.organizations),
  };
}

function readTitle(row: CsvRow, readers: CsvReaders): { title: string; description: string } {
  const title = row.text(readers.title);
  if (title === '') row.problem(readers.title.columns.join(', '), 'an incident needs a title');
  return { title, description: row.text(readers.description) };
}

function readDates(
  row: CsvRow,
  { readers, mapping, dates }: Context,
): { start: PartialDate | undefined; end: PartialDate | undefined } {
  const start = readDateField(row, readers.startDate, mapping.dateFormat, dates, true);
  const end = readDateField(row, readers.endDate, mapping.dateFormat, dates, false);
  if (start && end && end.last < start.first)
    row.problem(
      readers.endDate?.columns.join(', ') ?? '',
      'the end is before the start',
      `${row.text(readers.endDate)} < ${row.text(readers.startDate)}`,
    );
  return { start, end };
}

function readSources(row: CsvRow, reader: CsvReaders['sources']): string[] {
  const urls = row.read(reader);
  const columns = reader.columns.join(', ');
  if (urls.length === 0 && !row.problems.some((p) => reader.columns.includes(p.field)))
    row.problem(columns, 'every incident needs at least one source URL');
  return urls;
}

function readActorNames(row: CsvRow, reader: CsvReaders['actors']): string[] {
  const names = row.read(reader);
  for (const name of names)
    if (actorIdOf(name) === '')
      row.problem(reader?.columns.join(', ') ?? '', 'cannot make an actor id from this name', name);
  return names;
}

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
