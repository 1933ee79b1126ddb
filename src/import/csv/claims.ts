import { formatPartialDate } from '../../domain/partial-date.js';
import type { AttributionRecord } from '../records.js';
import type { CsvRow } from './csv-row.js';
import { readDateField, type DateOrderCheck } from './dates.js';
import type { CsvMapping } from './mapping.js';
import type { CsvReaders } from './readers.js';

/** The claim a row makes about each actor it names, short of the actor and the sources. */
export type RowClaim = Omit<AttributionRecord, 'actorId' | 'sourceIds'>;

/**
 * The row's own claim columns (confidence, basis, status, claimed by, assessed at), each falling
 * back to the mapping's `attribution` default where the row leaves it empty.
 */
export function readClaim(
  row: CsvRow,
  readers: CsvReaders['claims'],
  mapping: Pick<CsvMapping, 'attribution' | 'dateFormat'>,
  dates: DateOrderCheck,
): RowClaim {
  const defaults = mapping.attribution;
  const assessed = readDateField(row, readers.assessedAt, mapping.dateFormat, dates, false);
  return {
    confidence: row.one(readers.confidence) ?? defaults.confidence,
    basis: row.one(readers.basis) ?? defaults.basis,
    status: row.one(readers.status) ?? defaults.status,
    claimedBy: row.text(readers.claimedBy) || (defaults.claimedBy ?? null),
    assessedAt: assessed ? formatPartialDate(assessed.first, assessed.precision) : null,
    key: null,
  };
}
