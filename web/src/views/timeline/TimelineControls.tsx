import { useId } from 'react';
import { enumLabel } from '../../components/labels';
import { timelineBuckets, timelineGroups, type TimelineSettings } from './timeline-settings';

interface TimelineControlsProps {
  settings: TimelineSettings;
  onChange: <K extends keyof TimelineSettings>(setting: K, value: TimelineSettings[K]) => void;
}

/** The bucket and the grouping, each a select, kept in the address. */
export function TimelineControls({ settings, onChange }: TimelineControlsProps) {
  const id = useId();
  return (
    <div className="chart-controls">
      <label htmlFor={`${id}-bucket`}>
        Bucket{' '}
        <select
          id={`${id}-bucket`}
          value={settings.bucket}
          onChange={(event) => {
            const value = timelineBuckets.find((bucket) => bucket === event.target.value);
            if (value) onChange('bucket', value);
          }}
        >
          {timelineBuckets.map((bucket) => (
            <option key={bucket} value={bucket}>
              {enumLabel(bucket)}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-group`}>
        Group by{' '}
        <select
          id={`${id}-group`}
          value={settings.groupBy}
          onChange={(event) => {
            const value = timelineGroups.find((group) => group === event.target.value);
            if (value) onChange('groupBy', value);
          }}
        >
          {timelineGroups.map((group) => (
            <option key={group} value={group}>
              {enumLabel(group)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
