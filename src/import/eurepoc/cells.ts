import { isListLiteral, parseListLiteral, type LiteralValue } from '../list-literal.js';

/**
 * Cells of the EuRepoC release: most hold Python list literals as pandas writes them (`['Armenia']`),
 * the receiver columns one list per receiver (`[['Media', 'Other'], ['Energy']]`), and "Not
 * available" stands wherever EuRepoC has nothing.
 */

/** Values that say "nothing here": never stored, never counted as dropped. */
const placeholders = new Set(['', 'not available', 'unknown', 'none', 'nan', 'nat', 'n/a']);

export function isPlaceholder(value: string): boolean {
  return placeholders.has(value.trim().toLowerCase());
}

/** A value left out of a record that is kept: which column, why, and the value. */
export type DropValue = (field: string, reason: string, value: string) => void;

/** A cell that is not a readable list: what is wrong, to report with the column. */
export class CellError extends Error {}

function parseCell(cell: string): LiteralValue[] {
  if (!isListLiteral(cell)) return [cell];
  try {
    return parseListLiteral(cell);
  } catch (error) {
    throw new CellError(
      `not a readable list: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

const text = (value: LiteralValue): string[] =>
  Array.isArray(value) ? value.flatMap(text) : value === null ? [] : [String(value).trim()];

/** The values of a cell, flattened, placeholders left out. Throws CellError. */
export function cellValues(cell: string): string[] {
  return parseCell(cell)
    .flatMap(text)
    .filter((value) => !isPlaceholder(value));
}

/** The first value of a cell, or null. Throws CellError. */
export function cellValue(cell: string): string | null {
  return cellValues(cell)[0] ?? null;
}

/**
 * A receiver column: one list of values per receiver, placeholders left out (a receiver with
 * nothing keeps its place, so columns stay aligned). A flat list holds one value per receiver.
 * Throws CellError.
 */
export function perReceiver(cell: string): string[][] {
  if (isPlaceholder(cell)) return [];
  return parseCell(cell).map((item) => text(item).filter((value) => !isPlaceholder(value)));
}

/**
 * Values given per initiator (countries, categories) beside the initiators' names: value i
 * belongs to initiator i when the counts agree; one initiator takes the first value. Otherwise
 * nobody can tell which value is whose, and `unplaced` lists them all.
 */
export function alignToInitiators<T>(
  initiators: number,
  values: T[],
): { aligned: (T | undefined)[]; unplaced: T[] } {
  if (values.length === initiators) return { aligned: values, unplaced: [] };
  if (initiators === 1) return { aligned: [values[0]], unplaced: values.slice(1) };
  return { aligned: Array.from({ length: initiators }, () => undefined), unplaced: values };
}
