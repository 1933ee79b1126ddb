import { enumLabel } from '../../components/labels';
import { SettingSelect } from '../../components/SettingSelect';
import { timelineBuckets, timelineGroups, type TimelineSettings } from './timeline-settings';

interface TimelineControlsProps {
  settings: TimelineSettings;
  onChange: <K extends keyof TimelineSettings>(setting: K, value: TimelineSettings[K]) => void;
}

/** The bucket and the grouping, kept in the address. */
export function TimelineControls({ settings, onChange }: TimelineControlsProps) {
  return (
    <div className="chart-controls">
      <SettingSelect
        label="Bucket"
        value={settings.bucket}
        options={timelineBuckets}
        labelOf={enumLabel}
        onChange={(bucket) => {
          onChange('bucket', bucket);
        }}
      />
      <SettingSelect
        label="Group by"
        value={settings.groupBy}
        options={timelineGroups}
        labelOf={enumLabel}
        onChange={(group) => {
          onChange('groupBy', group);
        }}
      />
    </div>
  );
}
