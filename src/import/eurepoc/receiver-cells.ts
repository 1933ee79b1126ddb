import { CellError, perReceiver, type DropValue } from './cells.js';
import type { EurepocRow } from './eurepoc-files.js';
import type { Receiver } from './receivers.js';

const columns = {
  countries: 'receiver_country',
  names: 'receiver_name',
  categories: 'receiver_category',
  subcategories: 'receiver_category_subcode',
} as const;

/** A receiver column, one list per receiver; a cell that is not a readable list is dropped whole. */
function receiverColumn(row: EurepocRow, column: string, drop: DropValue): string[][] {
  const cell = row.cell(column);
  try {
    return perReceiver(cell);
  } catch (error) {
    if (!(error instanceof CellError)) throw error;
    drop(column, error.message, cell);
    return [];
  }
}

/**
 * The incident file's receiver columns, nested per receiver: the n-th list of each column is the
 * n-th receiver's (its country, name, categories and the subcategories aligned with them).
 */
export function incidentReceivers(row: EurepocRow, drop: DropValue): Receiver[] {
  const cells = {
    countries: receiverColumn(row, columns.countries, drop),
    names: receiverColumn(row, columns.names, drop),
    categories: receiverColumn(row, columns.categories, drop),
    subcategories: receiverColumn(row, columns.subcategories, drop),
  };
  const count = Math.max(...Object.values(cells).map((lists) => lists.length));
  return Array.from({ length: count }, (_, i) => ({
    countries: cells.countries[i] ?? [],
    names: cells.names[i] ?? [],
    categories: cells.categories[i] ?? [],
    subcategories: cells.subcategories[i] ?? [],
  }));
}

/** A row of the receiver file: one receiver, whose cells may still be lists (several categories). */
export function receiverFileReceiver(row: EurepocRow, drop: DropValue): Receiver {
  const flat = (column: string): string[] => receiverColumn(row, column, drop).flat();
  return {
    countries: flat(columns.countries),
    names: flat(columns.names),
    categories: flat(columns.categories),
    subcategories: flat(columns.subcategories),
  };
}
