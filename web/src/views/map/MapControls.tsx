import { useSearchParams } from 'react-router';
import { SettingSelect } from '../../components/SettingSelect';
import { useIncidentFilter } from '../../filter/use-filter';
import { shadings, type Shading } from './map-data';

interface MapControlsProps {
  shading: Shading;
  regions: readonly { name: string; kind: string }[];
}

const shadingNames: Record<Shading, string> = {
  affected: 'Incidents that affected them',
  origins: 'Incidents by actors from there',
};

/** The regions worth zooming to: continents and their sub-regions, and the EU. */
const zoomable = new Set(['REGION', 'SUB_REGION', 'INTERMEDIATE_REGION', 'UNION']);

/**
 * What the map shades (the address's `shade`), and a region: it sets the shared filter's region
 * (so the counts are the region's) and the map zooms to it.
 */
export function MapControls({ shading, regions }: MapControlsProps) {
  const [params, setParams] = useSearchParams();
  const { filter, setFilter } = useIncidentFilter();
  const chosen = filter.regions?.length === 1 ? (filter.regions[0] ?? '') : '';
  const worldOrSeveral =
    (filter.regions?.length ?? 0) > 1 ? 'Several (set in the filter)' : 'The world';
  const zoomTo = regions.filter((region) => zoomable.has(region.kind)).map((region) => region.name);
  return (
    <div className="chart-controls view-controls">
      <SettingSelect
        label="Shade countries by"
        value={shading}
        options={shadings}
        labelOf={(option) => shadingNames[option]}
        onChange={(value) => {
          const next = new URLSearchParams(params);
          if (value === 'affected') next.delete('shade');
          else next.set('shade', value);
          setParams(next);
        }}
      />
      <SettingSelect
        label="Region"
        value={chosen}
        options={['', ...zoomTo]}
        labelOf={(region) => region || worldOrSeveral}
        onChange={(value) => {
          setFilter({ ...filter, regions: value === '' ? undefined : [value] });
        }}
      />
    </div>
  );
}
