import type { DatePrecision } from './vocabulary.js';

/**
 * A date known to the day, the month or the year, as incident trackers report them. It is kept as
 * the interval it covers, so an incident known only to "2022-02" is never given an invented day.
 */
export interface PartialDate {
  /** First day covered, YYYY-MM-DD. */
  first: string;
  /** Last day covered, YYYY-MM-DD. */
  last: string;
  precision: DatePrecision;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const pad = (n: number): string => String(n).padStart(2, '0');
const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Parses YYYY, YYYY-MM or YYYY-MM-DD; the length is the precision. Returns a reason on failure. */
export function parsePartialDate(text: string): PartialDate | { error: string } {
  const match = PATTERN.exec(text);
  if (!match) return { error: `expected YYYY, YYYY-MM or YYYY-MM-DD, got "${text}"` };
  const year = Number(match[1]);
  if (year < 1970 || year > 2100) return { error: `year ${year} is outside 1970–2100` };
  if (match[2] === undefined) {
    return { first: `${year}-01-01`, last: `${year}-12-31`, precision: 'YEAR' };
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) return { error: `"${text}" has no month ${match[2]}` };
  const lastDay = daysInMonth(year, month);
  if (match[3] === undefined) {
    return {
      first: `${year}-${pad(month)}-01`,
      last: `${year}-${pad(month)}-${pad(lastDay)}`,
      precision: 'MONTH',
    };
  }
  const day = Number(match[3]);
  if (day < 1 || day > lastDay)
    return { error: `"${text}" is not a real date (${year}-${pad(month)} has ${lastDay} days)` };
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return { first: iso, last: iso, precision: 'DAY' };
}

/** The inverse of parsePartialDate: how a stored date is written back at its precision. */
export function formatPartialDate(first: string, precision: DatePrecision): string {
  if (precision === 'YEAR') return first.slice(0, 4);
  if (precision === 'MONTH') return first.slice(0, 7);
  return first.slice(0, 10);
}

/**
 * A stored date and its stored precision (node properties, so not typed) written back at that
 * precision; undefined when either is absent.
 */
export function storedPartialDate(date: unknown, precision: unknown): string | undefined {
  return typeof date === 'string' && typeof precision === 'string'
    ? formatPartialDate(date, precision as DatePrecision)
    : undefined;
}
