import { fragment, param, statement, where, type Fragment, type Statement } from '../db/cypher.js';
import type { Executor } from '../db/database.js';
import {
  claimConditionsOf,
  incidentsMatching,
  type IncidentConditions,
} from '../repositories/incident-filter.js';
import { topLevelSector } from '../repositories/sector-rollup.js';
import { datePrecisions, type DatePrecision } from '../domain/vocabulary.js';

export type TimelineBucket = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';
export type TimelineGroup = 'NONE' | 'SECTOR' | 'ACTOR' | 'COUNTRY' | 'ATTACK_TYPE';

/** The date precisions fine enough for each bucket: an incident known to the month has no week. */
const fineEnough: Record<TimelineBucket, readonly DatePrecision[]> = {
  DAY: ['DAY'],
  WEEK: ['DAY'],
  MONTH: ['DAY', 'MONTH'],
  QUARTER: ['DAY', 'MONTH'],
  YEAR: datePrecisions,
};

/**
 * Whether the incident `i` is known finely enough for the bucket. Every incident has a precision
 * (imports and edits require one), so a bucket fine for every precision reads none.
 */
function fineTest(bucket: TimelineBucket): Fragment {
  const fine = fineEnough[bucket];
  return datePrecisions.every((precision) => fine.includes(precision))
    ? fragment`true`
    : fragment`i.datePrecision IN ${param(fine, 'fine')}`;
}

/** What an incident is grouped by; incidents with none of it fall in the `null` group. */
function groupKeys(group: Exclude<TimelineGroup, 'NONE'>, filter: IncidentConditions): Fragment {
  switch (group) {
    case 'SECTOR':
      return fragment`[(i)-[:TARGETED]->(s:Sector) | ${topLevelSector(fragment`s`)}.id]`;
    case 'ACTOR':
      return fragment`[(i)-[r:ATTRIBUTED_TO]->(a:Actor) ${where(claimConditionsOf(filter))} | a.id]`;
    case 'COUNTRY':
      return fragment`[(i)-[:AFFECTED]->(c:Country) | c.iso2]`;
    case 'ATTACK_TYPE':
      return fragment`coalesce(i.attackTypes, [])`;
  }
}

/**
 * Each incident `i` with its `fine` flag as rows of `key`, and how a group of them is counted.
 * Incidents known too coarsely get no key: they are only counted. An ungrouped incident has the
 * one key `all`, once; a grouped one may name the same key twice (two sub-sectors of one sector),
 * so its groups count distinct incidents.
 */
function keyed(
  group: TimelineGroup,
  filter: IncidentConditions,
): { rows: Fragment; count: Fragment } {
  if (group === 'NONE')
    return { rows: fragment`WITH i, fine, 'all' AS key`, count: fragment`count(*)` };
  return {
    rows: fragment`WITH i, fine, CASE WHEN fine THEN ${groupKeys(group, filter)} ELSE [] END AS keys
UNWIND CASE WHEN size(keys) = 0 THEN [null] ELSE keys END AS key`,
    count: fragment`count(DISTINCT i)`,
  };
}

export interface TimelinePoint {
  bucketStart: string;
  key: string | null;
  count: number;
}

/**
 * Counts per bucket (and group) in the database, in one pass over the incidents. Incidents whose
 * date is coarser than the bucket (known only to the month, for weekly buckets) are counted as
 * `tooCoarse` and never given a made-up day. Counting per day first leaves the bucket's start to
 * be worked out once per day rather than once per incident.
 */
function timelineStatement(
  filter: IncidentConditions,
  bucket: TimelineBucket,
  group: TimelineGroup,
): Statement<{ points: TimelinePoint[]; tooCoarse: number }> {
  const { match, conditions } = incidentsMatching(filter);
  const { rows, count } = keyed(group, filter);
  return statement(
    'analysis:timeline',
    fragment`${match}
${where(conditions)}
WITH i, ${fineTest(bucket)} AS fine
${rows}
WITH fine, key, i.startDate AS day, ${count} AS perDay
WITH fine, key, CASE WHEN fine THEN date.truncate(${param(bucket.toLowerCase(), 'unit')}, day) END AS bucketStart, sum(perDay) AS count
RETURN collect(CASE WHEN fine THEN {bucketStart: toString(bucketStart), key: key, count: count} END) AS points,
  sum(CASE WHEN NOT fine THEN count ELSE 0 END) AS tooCoarse`,
  );
}

export async function timelinePoints(
  executor: Executor,
  filter: IncidentConditions,
  bucket: TimelineBucket,
  group: TimelineGroup,
): Promise<{ points: TimelinePoint[]; tooCoarse: number }> {
  const built = timelineStatement(filter, bucket, group);
  const [row] = await executor.read(built.query, built.params);
  return row ?? { points: [], tooCoarse: 0 };
}

/** Every bucket start from the first to the last, so empty buckets show as zeros. */
export function bucketStarts(first: string, last: string, bucket: TimelineBucket): string[] {
  const starts: string[] = [];
  const day = new Date(`${first}T00:00:00Z`);
  const end = new Date(`${last}T00:00:00Z`);
  const step: Record<TimelineBucket, (d: Date) => void> = {
    DAY: (d) => d.setUTCDate(d.getUTCDate() + 1),
    WEEK: (d) => d.setUTCDate(d.getUTCDate() + 7),
    MONTH: (d) => d.setUTCMonth(d.getUTCMonth() + 1),
    QUARTER: (d) => d.setUTCMonth(d.getUTCMonth() + 3),
    YEAR: (d) => d.setUTCFullYear(d.getUTCFullYear() + 1),
  };
  while (day <= end && starts.length < 100_000) {
    starts.push(day.toISOString().slice(0, 10));
    step[bucket](day);
  }
  return starts;
}

export interface TimelineSeriesRow {
  /** What the key is: a top-level sector id, an actor id, a country code, an attack type, `all`. */
  group: TimelineGroup;
  key: string | null;
  counts: number[];
  total: number;
}

export interface Timeline {
  buckets: string[];
  series: TimelineSeriesRow[];
  /** Incidents known too coarsely for the bucket (e.g. only the month, for weekly buckets). */
  tooCoarse: number;
}

export function shapeTimeline(
  points: TimelinePoint[],
  tooCoarse: number,
  bucket: TimelineBucket,
  group: TimelineGroup,
): Timeline {
  const starts = points.map((p) => p.bucketStart).sort();
  const buckets = starts.length ? bucketStarts(starts[0] ?? '', starts.at(-1) ?? '', bucket) : [];
  const index = new Map(buckets.map((b, i) => [b, i]));
  const series = new Map<string | null, number[]>();
  for (const point of points) {
    const counts = series.get(point.key) ?? new Array<number>(buckets.length).fill(0);
    const at = index.get(point.bucketStart);
    if (at !== undefined) counts[at] = (counts[at] ?? 0) + point.count;
    series.set(point.key, counts);
  }
  return {
    buckets,
    series: [...series]
      .map(([key, counts]) => ({
        group,
        key,
        counts,
        total: counts.reduce((a, b) => a + b, 0),
      }))
      .sort((a, b) => b.total - a.total || String(a.key).localeCompare(String(b.key))),
    tooCoarse,
  };
}

export type TimelineAnswer = Timeline & { bucket: TimelineBucket; groupBy: TimelineGroup };
