import { parsePartialDate, type PartialDate } from '../../domain/partial-date.js';

/**
 * A date as EuRepoC writes it: ISO (`2022-02-24`, with or without a time, or to the month or
 * year) or dotted (`24.02.2022`, `02.2022`).
 */
export function parseEurepocDate(text: string): PartialDate | { error: string } {
  const value = text.trim();
  const iso =
    /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      value,
    );
  if (iso?.[1]) return parsePartialDate(iso[1]);
  const dotted = /^(?:(\d{1,2})\.)?(\d{1,2})\.(\d{4})$/.exec(value);
  if (dotted) {
    const [, day, month, year] = dotted;
    const pad = (n: string): string => n.padStart(2, '0');
    return parsePartialDate(
      day ? `${year}-${pad(month ?? '')}-${pad(day)}` : `${year}-${pad(month ?? '')}`,
    );
  }
  return { error: `expected a date as YYYY-MM-DD or DD.MM.YYYY, got "${value}"` };
}
