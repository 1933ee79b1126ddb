import { parsePartialDate, type PartialDate } from '../../domain/partial-date.js';
import type { CsvRow } from './csv-row.js';
import type { FieldReader } from './field-reader.js';
import type { CsvMapping } from './mapping.js';

type DateFormat = CsvMapping['dateFormat'];

/**
 * A date cell read in the mapping's format. A slashed day-and-month date also says how the other
 * order reads it: `ambiguous` when both orders make a date (03/04/2022), `otherOrderOnly` when only
 * the other does (13/02/2022 under mm/dd/yyyy) — a sign the whole file is in the other order.
 */
export type DateReading =
  { date: PartialDate; ambiguous: boolean } | { error: string; otherOrderOnly: boolean };

const SLASHED = /^(?:(\d{1,2})\/)?(?:(\d{1,2})\/)?(\d{4})$/;

export function readDate(text: string, format: DateFormat): DateReading {
  if (format === 'iso') return reading(parsePartialDate(text), false);
  // Slashed dates may drop the day (03/2022) or be a bare year, like trackers write them.
  const match = SLASHED.exec(text);
  if (!match)
    return { error: `expected a date as ${format} (or mm/yyyy, yyyy)`, otherOrderOnly: false };
  const [, first, second, year = ''] = match;
  if (first === undefined) return reading(parsePartialDate(year), false);
  if (second === undefined) return reading(parsePartialDate(`${year}-${pad(first)}`), false);
  const [day, month] = format === 'dd/mm/yyyy' ? [first, second] : [second, first];
  const asWritten = parsePartialDate(`${year}-${pad(month)}-${pad(day)}`);
  const swapped = parsePartialDate(`${year}-${pad(day)}-${pad(month)}`);
  if ('error' in asWritten)
    return { error: asWritten.error, otherOrderOnly: !('error' in swapped) };
  return { date: asWritten, ambiguous: !('error' in swapped) && Number(day) !== Number(month) };
}

function reading(date: PartialDate | { error: string }, ambiguous: boolean): DateReading {
  return 'error' in date ? { error: date.error, otherOrderOnly: false } : { date, ambiguous };
}

const pad = (value: string): string => value.padStart(2, '0');

/** The other day/month order, for messages. */
export function otherOrder(format: DateFormat): string {
  return format === 'dd/mm/yyyy' ? 'mm/dd/yyyy' : 'dd/mm/yyyy';
}

/** One date cell that the other day/month order would read differently. */
export interface DateExample {
  location: string;
  column: string;
  value: string;
}

const EXAMPLES = 5;

/**
 * The file's day/month order, checked across every row: dates valid only in the other order
 * refuse the whole import (the rows that did parse are likely swapped too); dates valid in both
 * orders are counted, so the summary says how many rows the mapping's order decided.
 */
export class DateOrderCheck {
  readonly #format: DateFormat;
  readonly #otherOnly: DateExample[] = [];
  readonly #ambiguousRows = new Set<string>();
  readonly #ambiguous: DateExample[] = [];

  constructor(format: DateFormat) {
    this.#format = format;
  }

  note(reading: DateReading, example: DateExample): void {
    if ('error' in reading) {
      if (reading.otherOrderOnly) this.#otherOnly.push(example);
    } else if (reading.ambiguous) {
      this.#ambiguousRows.add(example.location);
      this.#ambiguous.push(example);
    }
  }

  /** Why the import must refuse the file, if it must. */
  refusal(): string | undefined {
    if (this.#otherOnly.length === 0) return undefined;
    return `${this.#otherOnly.length} date(s) are valid only as ${otherOrder(this.#format)}, not as the mapping's dateFormat ${this.#format} (${describe(this.#otherOnly)}): the file's day and month are likely the other way round; fix dateFormat or those dates`;
  }

  /** How many rows the mapping's order decided, for the summary. */
  summary(): string | undefined {
    if (this.#ambiguousRows.size === 0) return undefined;
    return `${this.#ambiguousRows.size} row(s) have dates valid as both ${this.#format} and ${otherOrder(this.#format)} (${describe(this.#ambiguous)}), read as ${this.#format} as the mapping says`;
  }
}

function describe(examples: readonly DateExample[]): string {
  const shown = examples.slice(0, EXAMPLES).map((e) => `${e.location} ${e.column} "${e.value}"`);
  const more = examples.length > EXAMPLES ? `, and ${examples.length - EXAMPLES} more` : '';
  return `${shown.join(', ')}${more}`;
}

/**
 * A row's date field: its first value read in the mapping's format and noted for the day/month
 * check. Undefined when the cell is empty (a problem if `required`) or not a date (a problem).
 */
export function readDateField(
  row: CsvRow,
  reader: FieldReader<unknown> | undefined,
  format: DateFormat,
  check: DateOrderCheck,
  required: boolean,
): PartialDate | undefined {
  const value = reader ? row.values(reader)[0] : undefined;
  if (!value) {
    if (required && reader) row.problem(reader.columns.join(', '), 'a date is required');
    return undefined;
  }
  const reading = readDate(value.text, format);
  check.note(reading, { location: row.location, column: value.column, value: value.text });
  if ('date' in reading) return reading.date;
  row.problem(value.column, reading.error, value.text);
  return undefined;
}
