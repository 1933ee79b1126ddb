import { MenuDetails, MenuSummary } from './MenuDetails';

export interface CheckboxOption<V extends string> {
  value: V;
  label: string;
}

interface CheckboxMenuProps<V extends string> {
  label: string;
  options: readonly CheckboxOption<V>[];
  selected: readonly V[];
  onToggle: (value: V, included: boolean) => void;
}

/** A multi-select as a menu of checkboxes: any number of values, each a real, labelled control. */
export function CheckboxMenu<V extends string>({
  label,
  options,
  selected,
  onToggle,
}: CheckboxMenuProps<V>) {
  return (
    <MenuDetails summary={<MenuSummary label={label} count={selected.length} />}>
      <fieldset className="filter-checks">
        <legend className="visually-hidden">{label}</legend>
        {options.length === 0 && <p className="muted">None to choose from.</p>}
        {options.map((option) => (
          <label key={option.value}>
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(event) => {
                onToggle(option.value, event.target.checked);
              }}
            />{' '}
            {option.label}
          </label>
        ))}
      </fieldset>
    </MenuDetails>
  );
}
