import type { DroppedValue } from '../records.js';
import { flattenItems, normaliseValue, readCell, type CellItem } from './cells.js';
import type { FieldReader } from './field-reader.js';
import { findCountryNames } from './find-countries.js';

/** Something wrong with a row's cell: the row is rejected with it. */
export interface RowProblem {
  field: string;
  reason: string;
  value?: string;
}

/** One value read from a cell, with the column it came from. */
export interface CellValue {
  text: string;
  column: string;
}

/**
 * One data row being read. Fields are read through their compiled readers; what cannot be read
 * becomes a problem (the row is rejected) or a dropped value (the row is kept without it), as the
 * mapping says.
 */
export class CsvRow {
  readonly problems: RowProblem[] = [];
  readonly dropped: DroppedValue[] = [];
  readonly location: string;
  readonly #cells: readonly string[];
  readonly #indexOf: ReadonlyMap<string, number>;
  readonly #file: string;

  constructor(
    file: string,
    line: number,
    cells: readonly string[],
    indexOf: ReadonlyMap<string, number>,
  ) {
    this.#file = file;
    this.location = `line ${line}`;
    this.#cells = cells;
    this.#indexOf = indexOf;
  }

  /** A cell's text as written, trimmed ('' for a column the row lacks). */
  cell(column: string): string {
    return (this.#cells[this.#indexOf.get(column) ?? -1] ?? '').trim();
  }

  /** The field's text: its columns' values joined, '' when it has none. */
  text(reader: FieldReader<unknown> | undefined): string {
    return reader
      ? this.values(reader)
          .map((v) => v.text)
          .join('\n\n')
      : '';
  }

  /** The field's values from all its columns, in order, without placeholders or repeats. */
  values(reader: FieldReader<unknown>): CellValue[] {
    const seen = new Set<string>();
    return this.everyValue(reader).filter(({ text }) => {
      const key = normaliseValue(text);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** The field's values with repeats kept, where position matters (the n-th description). */
  everyValue(reader: FieldReader<unknown>): CellValue[] {
    return reader.columns.flatMap((column) =>
      this.#cellValues(reader, column).map((text) => ({ text, column })),
    );
  }

  /** A list cell's top-level items (one per receiver, say); undefined when the cell is malformed. */
  items(reader: FieldReader<unknown>, column: string): CellItem[] | undefined {
    const items = readCell(this.cell(column), reader.form);
    if (!('error' in items)) return items;
    this.problem(column, items.error, this.cell(column));
    return undefined;
  }

  /** The field's values, resolved through its value map and vocabulary. */
  read<T>(reader: FieldReader<T> | undefined): T[] {
    return reader ? this.resolve(reader, this.values(reader)) : [];
  }

  /** The field's first resolved value, if any. */
  one<T>(reader: FieldReader<T> | undefined): T | undefined {
    return this.read(reader)[0];
  }

  /**
   * Values → what they stand for: the value map first (the mapping overrides the vocabulary),
   * then the vocabulary. A value mapped to null, or known to the vocabulary to map to nothing, is
   * dropped; an unknown one rejects the row or is dropped, as the mapping's `unknownValues` says.
   */
  resolve<T>(reader: FieldReader<T>, values: readonly CellValue[]): T[] {
    return values.flatMap(({ text, column }) => {
      const mapped = reader.values.get(normaliseValue(text));
      if (mapped === null) {
        this.drop(column, 'mapped to nothing by the mapping', text);
        return [];
      }
      if (mapped !== undefined) return [...mapped];
      const resolved = reader.vocabulary.resolve(text);
      if ('values' in resolved) return resolved.values;
      if ('none' in resolved) this.drop(column, resolved.none, text);
      else if (reader.unknownValues === 'drop-value') this.drop(column, resolved.unknown, text);
      else this.problem(column, resolved.unknown, text);
      return [];
    });
  }

  problem(field: string, reason: string, value?: string): void {
    this.problems.push(value === undefined ? { field, reason } : { field, reason, value });
  }

  drop(field: string, reason: string, value: string): void {
    this.dropped.push({ file: this.#file, location: this.location, field, reason, value });
  }

  #cellValues(reader: FieldReader<unknown>, column: string): string[] {
    const text = this.cell(column);
    if (reader.find) return this.#findCountries(text, column, reader.find);
    const items = readCell(text, reader.form);
    if (!('error' in items)) return flattenItems(items);
    this.problem(column, items.error, text);
    return [];
  }

  /** Country names in prose; prose that names none is counted, not silently passed over. */
  #findCountries(text: string, column: string, isName: (phrase: string) => boolean): string[] {
    if (text === '') return [];
    const found = findCountryNames(text, isName);
    if (found.length === 0) this.drop(column, 'names no country', text);
    return found;
  }
}
