import { useId } from 'react';
import { enumLabel } from '../../components/labels';
import type { AnalysisBasis } from '../../gql/graphql';
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

const sortLabels: Record<SortOrder, string> = { total: 'By total', name: 'By name' };

/** How many actors and sectors, in which order, on which basis: each a select, kept in the address. */
export function MatrixControls({ settings, onChange }: MatrixControlsProps) {
  const id = useId();
  const size = (setting: 'topActors' | 'topSectors', label: string) => (
    <label htmlFor={`${id}-${setting}`}>
      {label}{' '}
      <select
        id={`${id}-${setting}`}
        value={settings[setting]}
        onChange={(event) => {
          onChange(setting, Number(event.target.value));
        }}
      >
        {axisSizes.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="chart-controls">
      {size('topActors', 'Actors')}
      {size('topSectors', 'Sectors')}
      <label htmlFor={`${id}-sort`}>
        Order{' '}
        <select
          id={`${id}-sort`}
          value={settings.sort}
          onChange={(event) => {
            const value = sortOrders.find((order) => order === event.target.value);
            if (value) onChange('sort', value);
          }}
        >
          {sortOrders.map((order) => (
            <option key={order} value={order}>
              {sortLabels[order]}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-basis`}>
        Basis{' '}
        <select
          id={`${id}-basis`}
          value={settings.basis}
          onChange={(event) => {
            const value = analysisBases.find((basis) => basis === event.target.value);
            if (value) onChange('basis', value);
          }}
        >
          {analysisBases.map((basis: AnalysisBasis) => (
            <option key={basis} value={basis}>
              {enumLabel(basis)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
