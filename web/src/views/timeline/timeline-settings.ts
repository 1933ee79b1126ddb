// With its extension: the unit tests type-check this module under the server's NodeNext resolution.
import type { TimelineBucket, TimelineGroup } from '../../gql/graphql.js';

/**
 * The timeline's own view state in the address: the bucket (`bucket`) and the grouping (`group`).
 * A value it does not know is named in a message and replaced by the default.
 */
export const timelineBuckets: readonly TimelineBucket[] = [
  'DAY',
  'WEEK',
  'MONTH',
  'QUARTER',
  'YEAR',
];
export const timelineGroups: readonly TimelineGroup[] = [
  'NONE',
  'SECTOR',
  'ACTOR',
  'COUNTRY',
  'ATTACK_TYPE',
];

export interface TimelineSettings {
  bucket: TimelineBucket;
  groupBy: TimelineGroup;
}

export const defaultTimelineSettings: TimelineSettings = { bucket: 'MONTH', groupBy: 'NONE' };

const paramOf: Record<keyof TimelineSettings, string> = { bucket: 'bucket', groupBy: 'group' };

function choice<T extends string>(
  params: URLSearchParams,
  name: string,
  values: readonly T[],
  problems: string[],
): T | undefined {
  const value = params.get(name);
  if (value === null) return undefined;
  const found = values.find((v) => v === value);
  if (found === undefined)
    problems.push(`"${value}" is not a ${name} the timeline knows (${values.join(', ')}).`);
  return found;
}

/** The settings the address names, and a sentence for each parameter it could not use. */
export function timelineSettingsOf(params: URLSearchParams): {
  settings: TimelineSettings;
  problems: string[];
} {
  const problems: string[] = [];
  const settings: TimelineSettings = {
    bucket:
      choice(params, paramOf.bucket, timelineBuckets, problems) ?? defaultTimelineSettings.bucket,
    groupBy:
      choice(params, paramOf.groupBy, timelineGroups, problems) ?? defaultTimelineSettings.groupBy,
  };
  return { settings, problems };
}

export function withTimelineSetting<K extends keyof TimelineSettings>(
  params: URLSearchParams,
  setting: K,
  value: TimelineSettings[K],
): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set(paramOf[setting], value);
  return next;
}
