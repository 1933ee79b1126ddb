/**
 * The rows of an actor's target profile: one per incident it has a live claim on, with what the
 * attribution ranking weighs about that incident. They are stored with the profile so that ranking
 * a busy actor exactly reads one node instead of walking its thousands of incidents, and so that a
 * write changing a few incidents replaces their rows instead of recounting the actor from scratch.
 * This module is the pure part: the rows' stored form and the profile's totals.
 */

/** One incident as a profile counts it. */
export interface ProfileRow {
  readonly incidentId: string;
  /** The firmest live claim of the actor on the incident (a claim without one counts as 0). */
  readonly confidence: number;
  /** ISO dates; `end` is null when the incident has none. */
  readonly start: string;
  readonly end: string | null;
  /** Distinct top-level sector ids, country codes, attack types and campaign ids. */
  readonly sectorIds: readonly string[];
  readonly countryCodes: readonly string[];
  readonly attackTypes: readonly string[];
  readonly campaignIds: readonly string[];
}

/** Keys and rows in the order Cypher sorts strings (UTF-16 code units), as profiles always were. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A row as stored: a tuple, so that a busy actor's thousands of rows stay compact. */
type StoredRow = [string, number, string, string | null, string[], string[], string[], string[]];

const sorted = (keys: readonly string[]): string[] => [...keys].sort(byCodeUnits);

/**
 * Rows as Neo4j stores them: one JSON text per profile, read back in one piece (a driver decodes
 * one long string far faster than lists of thousands of short ones). Rows are in incident id
 * order and their keys in key order, so that the same rows are always stored alike, however the
 * claims were read.
 */
export function encodeRows(rows: readonly ProfileRow[]): string {
  const stored: StoredRow[] = [...rows]
    .sort((a, b) => byCodeUnits(a.incidentId, b.incidentId))
    .map((row) => [
      row.incidentId,
      row.confidence,
      row.start,
      row.end,
      sorted(row.sectorIds),
      sorted(row.countryCodes),
      sorted(row.attackTypes),
      sorted(row.campaignIds),
    ]);
  return JSON.stringify(stored);
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isTexts = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);

function isStoredRow(value: unknown): value is StoredRow {
  if (!Array.isArray(value) || value.length !== 8) return false;
  const [incidentId, confidence, start, end, ...keys] = value as unknown[];
  return (
    isText(incidentId) &&
    typeof confidence === 'number' &&
    isText(start) &&
    (end === null || isText(end)) &&
    keys.every(isTexts)
  );
}

/** The rows of a stored profile; a text that is not what encodeRows writes is refused. */
export function decodeRows(text: string, actorId: string): ProfileRow[] {
  const stored: unknown = JSON.parse(text);
  if (!Array.isArray(stored) || !stored.every(isStoredRow))
    throw new Error(
      `The target profile of actor "${actorId}" holds malformed rows: rebuild the profiles with \`cig db migrate --rebuild-profiles\`.`,
    );
  return stored.map(
    ([incidentId, confidence, start, end, sectorIds, countryCodes, attackTypes, campaignIds]) => ({
      incidentId,
      confidence,
      start,
      end,
      sectorIds,
      countryCodes,
      attackTypes,
      campaignIds,
    }),
  );
}

/**
 * A feature as the profile's totals name it: a one-letter kind (Sector, Country, attack Type,
 * campaign (K)) and its key, so that one list holds them all.
 */
export const FEATURE_PREFIX = {
  sector: 'S',
  country: 'C',
  attackType: 'T',
  campaign: 'K',
} as const;

const featuresOf = (row: ProfileRow): string[] => [
  ...new Set(row.sectorIds.map((key) => FEATURE_PREFIX.sector + key)),
  ...new Set(row.countryCodes.map((key) => FEATURE_PREFIX.country + key)),
  ...new Set(row.attackTypes.map((key) => FEATURE_PREFIX.attackType + key)),
  ...new Set(row.campaignIds.map((key) => FEATURE_PREFIX.campaign + key)),
];

const earliest = (dates: readonly string[]): string | null =>
  dates.reduce<string | null>((min, d) => (min === null || d < min ? d : min), null);
const latest = (dates: readonly string[]): string | null =>
  dates.reduce<string | null>((max, d) => (max === null || d > max ? d : max), null);

/**
 * What the ranking's bounds read (see attribution-bound.ts), shaped so that Cypher only ever asks
 * whether a key is in a list (walking a list element by element in Cypher costs about as much as
 * the rest of the ranking): how many incidents, the earliest start, and the earliest and latest
 * end (null when any incident has no end, which leaves the bound open); every feature its
 * incidents name (`featureKeys`), those named by one incident only (`singleKeys`: when that
 * incident is the one being ranked, the actor's other incidents do not share it), and the claim
 * confidence in two tiers: `maxConfidence` is the firmest claim on any incident with a feature and
 * `firmKeys` the features such a claim names; every other feature's firmest claim is at most
 * `nextConfidence`.
 */
export interface ProfileTotals {
  incidents: number;
  firstStart: string | null;
  firstEnd: string | null;
  lastEnd: string | null;
  featureKeys: string[];
  singleKeys: string[];
  firmKeys: string[];
  maxConfidence: number | null;
  nextConfidence: number | null;
}

const highest = (values: readonly number[]): number | null =>
  values.length === 0 ? null : Math.max(...values);

export function totalsOfRows(rows: readonly ProfileRow[]): ProfileTotals {
  const ends = rows.flatMap((row) => (row.end === null ? [] : [row.end]));
  const allEnded = ends.length === rows.length;
  const found = new Map<string, { incidents: number; confidence: number }>();
  for (const row of rows)
    for (const key of featuresOf(row)) {
      const seen = found.get(key) ?? { incidents: 0, confidence: row.confidence };
      seen.incidents += 1;
      seen.confidence = Math.max(seen.confidence, row.confidence);
      found.set(key, seen);
    }
  const features = [...found.entries()].sort(([a], [b]) => byCodeUnits(a, b));
  const maxConfidence = highest(features.map(([, f]) => f.confidence));
  const firm = features.filter(([, f]) => f.confidence === maxConfidence);
  return {
    incidents: rows.length,
    firstStart: earliest(rows.map((row) => row.start)),
    firstEnd: allEnded ? earliest(ends) : null,
    lastEnd: allEnded ? latest(ends) : null,
    featureKeys: features.map(([key]) => key),
    singleKeys: features.filter(([, f]) => f.incidents === 1).map(([key]) => key),
    firmKeys: firm.map(([key]) => key),
    maxConfidence,
    nextConfidence: highest(
      features.filter(([, f]) => f.confidence !== maxConfidence).map(([, f]) => f.confidence),
    ),
  };
}

/**
 * An actor's rows with those of `incidentIds` replaced by `fresh` (the incidents' rows as they
 * are now, none for an incident the actor no longer has a live claim on).
 */
export const replaceRows = (
  rows: readonly ProfileRow[],
  incidentIds: ReadonlySet<string>,
  fresh: readonly ProfileRow[],
): ProfileRow[] => [...rows.filter((row) => !incidentIds.has(row.incidentId)), ...fresh];
