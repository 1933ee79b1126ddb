import { enumLabel } from '../../components/labels';
import { SettingSelect } from '../../components/SettingSelect';
import {
  analysisBases,
  axisSizes,
  sortOrders,
  type MatrixSettings,
  type SortOrder,
} from './matrix-settings';

interface MatrixControlsProps {
  settings: MatrixSettings;
  onChange: <K extends keyof MatrixSettings>(setting: K, value: MatrixSettings[K]) => void;
}

const sortLabels: Record<SortOrder, string> = {
  total: 'By total (busiest first)',
  name: 'By name',
};

/** How many actors and sectors, in which order, on which basis: kept in the address. */
export function MatrixControls({ settings, onChange }: MatrixControlsProps) {
  return (
    <div className="chart-controls">
      <SettingSelect
        label="Actors shown"
        value={settings.topActors}
        options={axisSizes}
        onChange={(n) => {
          onChange('topActors', n);
        }}
      />
      <SettingSelect
        label="Sectors shown"
        value={settings.topSectors}
        options={axisSizes}
        onChange={(n) => {
          onChange('topSectors', n);
        }}
      />
      <SettingSelect
        label="Sort rows and columns"
        value={settings.sort}
        options={sortOrders}
        labelOf={(order) => sortLabels[order]}
        onChange={(order) => {
          onChange('sort', order);
        }}
      />
      <SettingSelect
        label="Links from"
        value={settings.basis}
        options={analysisBases}
        labelOf={enumLabel}
        onChange={(basis) => {
          onChange('basis', basis);
        }}
      />
    </div>
  );
}
