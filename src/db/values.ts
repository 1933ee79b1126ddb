import neo4j from 'neo4j-driver';

/** A value as repositories see it: plain JSON-like data, never a driver class. */
export type PlainValue =
  null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue };

const isTemporal = (value: unknown): boolean =>
  neo4j.isDate(value) ||
  neo4j.isDateTime(value) ||
  neo4j.isLocalDateTime(value) ||
  neo4j.isTime(value) ||
  neo4j.isLocalTime(value) ||
  neo4j.isDuration(value);

/**
 * The one place driver values become plain data: temporal values become their ISO-8601 strings
 * (the form the API speaks), graph entities become their property maps, stray Integers numbers.
 */
export function toPlain(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') {
    return value;
  }
  if (typeof value === 'bigint') return Number(value);
  if (neo4j.isInt(value)) return value.toNumber();
  if (isTemporal(value)) return (value as { toString(): string }).toString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toPlain(value.properties);
  if (typeof value === 'object') {
    const out: Record<string, PlainValue> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toPlain(inner);
    return out;
  }
  throw new TypeError(`Cannot convert a ${typeof value} returned by Neo4j into plain data`);
}
