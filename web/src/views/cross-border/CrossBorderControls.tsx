import { useSearchParams } from 'react-router';
import { SettingSelect } from '../../components/SettingSelect';
import type { AnalysisBasis, CrossBorderOrderField } from '../../gql/graphql';
import {
  bases,
  orders,
  pageSizes,
  withSetting,
  type CrossBorderAddress,
} from './cross-border-address';

const orderNames: Record<CrossBorderOrderField, string> = {
  INCIDENT_COUNT: 'Most incidents',
  LAST_DATE: 'Most recent',
};

const basisNames: Record<AnalysisBasis, string> = {
  INCIDENTS: 'Incidents',
  REPORTED_VICTIMOLOGY: 'Reported victimology',
  BOTH: 'Both',
};

/** Page size, order and basis: each a search parameter, each back to the first page. */
export function CrossBorderControls({ address }: { address: CrossBorderAddress }) {
  const [params, setParams] = useSearchParams();
  const set = (name: 'first' | 'order' | 'basis') => (value: string | number) => {
    setParams(withSetting(params, name, value));
  };
  return (
    <div className="chart-controls view-controls">
      <SettingSelect
        label="Lines per page"
        value={address.first}
        options={pageSizes}
        onChange={set('first')}
      />
      <SettingSelect
        label="Order"
        value={address.order}
        options={orders}
        labelOf={(order) => orderNames[order]}
        onChange={set('order')}
      />
      <SettingSelect
        label="Basis"
        value={address.basis}
        options={bases}
        labelOf={(basis) => basisNames[basis]}
        onChange={set('basis')}
      />
    </div>
  );
}
