import { sectorSelection } from './filter-edit';
import type { FilterOptions } from './filter-options';
import { MenuDetails, MenuSummary } from './MenuDetails';

interface SectorTreeProps {
  sectors: FilterOptions['sectors'];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}

/**
 * The sector tree as nested checkboxes. A ticked parent includes its sub-sectors (the API
 * expands it), so they show ticked and locked beneath it rather than chosen twice.
 */
export function SectorTree({ sectors, selected, onChange }: SectorTreeProps) {
  return (
    <MenuDetails summary={<MenuSummary label="Sectors" count={selected.length} />}>
      <fieldset className="filter-checks filter-tree">
        <legend className="visually-hidden">Sectors</legend>
        <ul>
          {sectors.map((sector) => {
            const parentTicked = selected.includes(sector.key);
            return (
              <li key={sector.key}>
                <label>
                  <input
                    type="checkbox"
                    checked={parentTicked}
                    onChange={(event) => {
                      onChange(sectorSelection(selected, sector, event.target.checked));
                    }}
                  />{' '}
                  {sector.name}
                </label>
                {sector.subsectors.length > 0 && (
                  <ul>
                    {sector.subsectors.map((sub) => (
                      <li key={sub.key}>
                        <label title={parentTicked ? `Included with ${sector.name}` : undefined}>
                          <input
                            type="checkbox"
                            checked={parentTicked || selected.includes(sub.key)}
                            disabled={parentTicked}
                            onChange={(event) => {
                              onChange(sectorSelection(selected, sub, event.target.checked));
                            }}
                          />{' '}
                          {sub.name}
                        </label>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
    </MenuDetails>
  );
}
