import { topLevelSector } from '../repositories/sector-rollup.js';
import { cypher, type Executor } from '../db/database.js';
import {
  claimConditions,
  incidentMatch,
  whereClause,
  type IncidentConditions,
} from '../repositories/incident-filter.js';

export type TimelineBucket = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';
export type TimelineGroup = 'NONE' | 'SECTOR' | 'ACTOR' | 'COUNTRY' | 'ATTACK_TYPE';

/** The date precisions fine enough for each bucket: an incident known to the month has no week. */
const fineEnough: Record<TimelineBucket, string[]> = {
  DAY: ['DAY'],
  WEEK: ['DAY'],
  MONTH: ['DAY', 'MONTH'],
  QUARTER: ['DAY', 'MONTH'],
  YEAR: ['DAY', 'MONTH', 'YEAR'],
};

/** What an incident is grouped by; incidents with none of it fall in the `null` group. */
const groupKey = (group: TimelineGroup, claims: string[]): string => {
  switch (group) {
    case 'NONE':
      return "WITH i, bucketStart, ['all'] AS keys";
    case 'SECTOR':
      return `WITH i, bucketStart, [(i)-[:TARGETED]->(s:Sector) | ${topLevelSector('s')}.id] AS keys`;
    case 'ACTOR':
      return `WITH i, bucketStart, [(i)-[r:ATTRIBUTED_TO]->(a:Actor) ${claims.length ? `WHERE ${claims.join(' AND ')}` : ''} | a.id] AS keys`;
    case 'COUNTRY':
      return 'WITH i, bucketStart, [(i)-[:AFFECTED]->(c:Country) | c.iso2] AS keys';
    case 'ATTACK_TYPE':
      return 'WITH i, bucketStart, coalesce(i.attackTypes, []) AS keys';
  }
};

export interface TimelinePoint {
  bucketStart: string;
  key: string | null;
  count: number;
}

/**
 * Counts per bucket (and group) in the database. Incidents whose date is coarser than the bucket
 * (known only to the month, for weekly buckets) are counted as `tooCoarse` and never given a
 * made-up day.
 */
export function timelineCypher(
  filter: IncidentConditions,
  bucket: TimelineBucket,
  group: TimelineGroup,
) {
  const { match, where, params } = incidentMatch(filter);
  const claims = claimConditions(filter, undefined, params);
  params.fine = fineEnough[bucket];
  params.unit = bucket.toLowerCase();
  const text = `${match}
${whereClause(where)}
WITH collect(i) AS incidents
CALL (incidents) {
  UNWIND incidents AS i
  WITH i WHERE i.datePrecision IN $fine
  WITH i, date.truncate($unit, i.startDate) AS bucketStart
  ${groupKey(group, claims)}
  UNWIND CASE WHEN size(keys) = 0 THEN [null] ELSE keys END AS key
  WITH bucketStart, key, count(DISTINCT i) AS count
  RETURN collect({bucketStart: toString(bucketStart), key: key, count: count}) AS points
}
RETURN points, size([i IN incidents WHERE NOT i.datePrecision IN $fine]) AS tooCoarse`;
  return { text, params };
}

export async function timelinePoints(
  executor: Executor,
  filter: IncidentConditions,
  bucket: TimelineBucket,
  group: TimelineGroup,
): Promise<{ points: TimelinePoint[]; tooCoarse: number }> {
  const { text, params } = timelineCypher(filter, bucket, group);
  const [row] = await executor.read(
    cypher<{ points: TimelinePoint[]; tooCoarse: number }>('analysis:timeline', text),
    params,
  );
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
      .map(([key, counts]) => ({ key, counts, total: counts.reduce((a, b) => a + b, 0) }))
      .sort((a, b) => b.total - a.total || String(a.key).localeCompare(String(b.key))),
    tooCoarse,
  };
}

export type TimelineAnswer = Timeline & { bucket: TimelineBucket; groupBy: TimelineGroup };
