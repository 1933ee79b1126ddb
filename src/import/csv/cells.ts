import {
  isListLiteral,
  ListLiteralError,
  parseListLiteral,
  type LiteralValue,
} from '../list-literal.js';

/** What one cell holds: values, or lists of them where the cell nests lists (one per receiver). */
export type CellItem = string | CellItem[];

/** How a field's cells hold their values. */
export interface CellForm {
  split?: string | undefined;
  list?: 'json' | 'python' | undefined;
  /** Placeholders meaning "no value", normalised (see normaliseValue). */
  empty: ReadonlySet<string>;
}

/** Lookups ignore case and surrounding space: trackers are inconsistent about both. */
export function normaliseValue(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * One cell's items, in order. A placeholder or null item is kept as an empty list, so the n-th item
 * of one column still lines up with the n-th of another. A cell that is not a list (no opening
 * bracket) is one value even where the field reads lists.
 */
export function readCell(text: string, form: CellForm): CellItem[] | { error: string } {
  const value = text.trim();
  if (value === '' || form.empty.has(normaliseValue(value))) return [];
  if (form.list && value.startsWith('[')) {
    const parsed = parseList(value, form.list);
    if ('error' in parsed) return parsed;
    return parsed.map((item) => toItem(item, form));
  }
  return splitText(value, form);
}

function parseList(text: string, list: 'json' | 'python'): LiteralValue[] | { error: string } {
  if (list === 'python') {
    if (!isListLiteral(text)) return { error: 'malformed list literal: no closing "]"' };
    try {
      return parseListLiteral(text);
    } catch (error) {
      if (error instanceof ListLiteralError)
        return { error: `malformed list literal: ${error.message}` };
      throw error;
    }
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed) && parsed.every(isLiteral)) return parsed;
    return {
      error: 'malformed JSON array: items must be strings, numbers, booleans, null or arrays',
    };
  } catch (error) {
    return {
      error: `malformed JSON array: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function isLiteral(value: unknown): value is LiteralValue {
  if (Array.isArray(value)) return value.every(isLiteral);
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function toItem(item: LiteralValue, form: CellForm): CellItem {
  if (Array.isArray(item)) return item.map((inner) => toItem(inner, form));
  if (item === null) return [];
  const values = splitText(String(item), form);
  return values.length === 1 ? (values[0] ?? []) : values;
}

function splitText(text: string, form: CellForm): string[] {
  return (form.split ? text.split(form.split) : [text])
    .map((v) => v.trim())
    .filter((v) => v !== '' && !form.empty.has(normaliseValue(v)));
}

/** Every value of some items, nested lists flattened, in order. */
export function flattenItems(items: readonly CellItem[]): string[] {
  return items.flatMap((item) => (typeof item === 'string' ? [item] : flattenItems(item)));
}
