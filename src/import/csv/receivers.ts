import type { CsvRow } from './csv-row.js';
import { flattenItems, type CellItem } from './cells.js';
import type { FieldReader } from './field-reader.js';
import type { CsvReaders } from './readers.js';
import type { Place } from './vocabularies.js';

/** One receiver of an incident: where it is, its sectors, its name. */
export interface Receiver {
  places: Place[];
  sectorIds: string[];
  organizations: string[];
}

/**
 * The receivers of a row, from columns holding one list item per receiver (EuRepoC's
 * receiver_country `['Ukraine', 'Poland']` with receiver_category `[['State institutions'],
 * ['Media', 'Other']]`): the n-th item of each column describes the n-th receiver. Columns that
 * disagree on how many receivers there are reject the row; an empty column says nothing of any.
 */
export function readReceivers(row: CsvRow, readers: CsvReaders['receivers']): Receiver[] {
  const columns = [readers.countries, readers.sectors, readers.organizations].flatMap((reader) =>
    reader ? [{ reader, items: row.items(reader, reader.columns[0] ?? '') }] : [],
  );
  if (columns.some((c) => c.items === undefined)) return [];
  const counted = columns.filter((c) => (c.items?.length ?? 0) > 0);
  const counts = new Set(counted.map((c) => c.items?.length));
  if (counts.size > 1) {
    row.problem(
      counted.map((c) => c.reader.columns[0]).join(', '),
      'aligned receiver columns list different numbers of receivers',
      counted.map((c) => `${c.reader.columns[0]}: ${c.items?.length}`).join(', '),
    );
    return [];
  }
  const receivers = Math.max(0, ...[...counts].map((n) => n ?? 0));
  const itemsOf = (reader: FieldReader<unknown> | undefined) =>
    columns.find((c) => c.reader === reader)?.items ?? [];
  return Array.from({ length: receivers }, (_, n) => ({
    places: resolveItem(row, readers.countries, itemsOf(readers.countries)[n]),
    sectorIds: resolveItem(row, readers.sectors, itemsOf(readers.sectors)[n]),
    organizations: resolveItem(row, readers.organizations, itemsOf(readers.organizations)[n]),
  }));
}

function resolveItem<T>(
  row: CsvRow,
  reader: FieldReader<T> | undefined,
  item: CellItem | undefined,
): T[] {
  if (!reader || item === undefined) return [];
  const column = reader.columns[0] ?? '';
  return row.resolve(
    reader,
    flattenItems([item]).map((text) => ({ text, column })),
  );
}
