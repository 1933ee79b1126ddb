// With its extension: the unit tests type-check this module under the server's NodeNext resolution.
import { addressSetting, withAddressSetting } from '../../components/address-setting.js';
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

/** The settings the address names, and a sentence for each parameter it could not use. */
export function timelineSettingsOf(params: URLSearchParams): {
  settings: TimelineSettings;
  problems: string[];
} {
  const problems: string[] = [];
  const choice = <T extends string>(name: string, values: readonly T[]) =>
    addressSetting(
      params,
      name,
      values,
      problems,
      (raw) =>
        `"${raw}" is not a ${name} the timeline knows (${values.join(', ')}). The default is shown instead.`,
    );
  const settings: TimelineSettings = {
    bucket: choice(paramOf.bucket, timelineBuckets) ?? defaultTimelineSettings.bucket,
    groupBy: choice(paramOf.groupBy, timelineGroups) ?? defaultTimelineSettings.groupBy,
  };
  return { settings, problems };
}

/** The address's parameters with one setting changed; the filter's and others' are kept. */
export function withTimelineSetting<K extends keyof TimelineSettings>(
  params: URLSearchParams,
  setting: K,
  value: TimelineSettings[K],
): URLSearchParams {
  return withAddressSetting(params, paramOf[setting], value);
}
