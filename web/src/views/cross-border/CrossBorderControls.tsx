import { useSearchParams } from 'react-router';
import { SelectChoice as Choice } from '../../components/SelectChoice';
import {
  bases,
  orders,
  pageSizes,
  withSetting,
  type CrossBorderAddress,
} from './cross-border-address';

const orderNames: Record<string, string> = {
  INCIDENT_COUNT: 'Most incidents',
  LAST_DATE: 'Most recent',
};

const basisNames: Record<string, string> = {
  INCIDENTS: 'Incidents',
  REPORTED_VICTIMOLOGY: 'Reported victimology',
  BOTH: 'Both',
};

/** Page size, order and basis: each a search parameter, each back to the first page. */
export function CrossBorderControls({ address }: { address: CrossBorderAddress }) {
  const [params, setParams] = useSearchParams();
  const set = (name: 'first' | 'order' | 'basis') => (value: string) => {
    setParams(withSetting(params, name, value));
  };
  return (
    <div className="chart-controls view-controls">
      <Choice label="Lines per page" value={String(address.first)} onChange={set('first')}>
        {pageSizes.map((size) => [String(size), String(size)])}
      </Choice>
      <Choice label="Order" value={address.order} onChange={set('order')}>
        {orders.map((order) => [order, orderNames[order] ?? order])}
      </Choice>
      <Choice label="Basis" value={address.basis} onChange={set('basis')}>
        {bases.map((basis) => [basis, basisNames[basis] ?? basis])}
      </Choice>
    </div>
  );
}
