import { useMemo } from 'react';
import { enumLabel } from '../components/labels';
import type { IncidentFilter } from '../gql/graphql';
import { CheckboxMenu } from './CheckboxMenu';
import { CommittedField } from './CommittedField';
import { valuesOf, withField, withListValue } from './filter-edit';
import { affectedPlaces, originPlaces, type FilterOptions, type Place } from './filter-options';
import { attributionStatuses, confidenceOf, isDay } from './filter-params';
import { PlacePicker } from './PlacePicker';
import { SectorTree } from './SectorTree';
import { YesNoSelect } from './YesNoSelect';

interface FilterControlsProps {
  options: FilterOptions;
  filter: IncidentFilter;
  onChange: (filter: IncidentFilter) => void;
}

const statusOptions = attributionStatuses.map((status) => ({
  value: status,
  label: enumLabel(status),
}));

/** Every condition of the API's IncidentFilter the explorer offers, each as its own control. */
export function FilterControls({ options, filter, onChange }: FilterControlsProps) {
  const affected = useMemo(() => affectedPlaces(options), [options]);
  const origins = useMemo(() => originPlaces(options), [options]);
  const addPlace = (place: Place) => {
    onChange(withListValue(filter, place.field, place.value, true));
  };
  const commitDay = (field: 'from' | 'to') => (text: string) => {
    if (text !== '' && !isDay(text)) return 'A day is written YYYY-MM-DD.';
    onChange(withField(filter, field, text));
    return null;
  };
  const commitConfidence = (text: string) => {
    const confidence = confidenceOf(text.trim());
    if (text.trim() !== '' && confidence === undefined)
      return 'The minimum confidence is a whole number from 0 to 100.';
    onChange(withField(filter, 'minConfidence', confidence));
    return null;
  };

  return (
    <div className="filter-controls">
      <fieldset className="filter-group">
        <legend>Period</legend>
        <CommittedField
          label="From"
          value={filter.from ?? ''}
          onCommit={commitDay('from')}
          input={{ type: 'date' }}
        />
        <CommittedField
          label="To"
          value={filter.to ?? ''}
          onCommit={commitDay('to')}
          input={{ type: 'date' }}
        />
      </fieldset>
      <fieldset className="filter-group">
        <legend>Targets</legend>
        <SectorTree
          sectors={options.sectors}
          selected={valuesOf(filter, 'sectorIds')}
          onChange={(sectors) => {
            onChange(withField(filter, 'sectorIds', sectors));
          }}
        />
        <CheckboxMenu
          label="Attack types"
          options={options.attackTypes.map((type) => ({ value: type.id, label: type.name }))}
          selected={valuesOf(filter, 'attackTypes')}
          onToggle={(value, included) => {
            onChange(withListValue(filter, 'attackTypes', value, included));
          }}
        />
        <PlacePicker
          label="Affected country or region"
          kind="country or region"
          places={affected}
          onPick={addPlace}
        />
      </fieldset>
      <fieldset className="filter-group">
        <legend>Attribution</legend>
        <PlacePicker label="Origin country" kind="country" places={origins} onPick={addPlace} />
        <CommittedField
          label="Minimum confidence"
          value={filter.minConfidence == null ? '' : String(filter.minConfidence)}
          onCommit={commitConfidence}
          input={{ type: 'number', min: 0, max: 100, step: 1, inputMode: 'numeric' }}
        />
        <CheckboxMenu
          label="Status"
          options={statusOptions}
          selected={valuesOf(filter, 'attributionStatuses')}
          onToggle={(value, included) => {
            onChange(withListValue(filter, 'attributionStatuses', value, included));
          }}
        />
        <YesNoSelect
          label="Attributed"
          value={filter.attributed}
          onChange={(value) => {
            onChange(withField(filter, 'attributed', value));
          }}
        />
        <YesNoSelect
          label="Cross-border"
          value={filter.crossBorder}
          onChange={(value) => {
            onChange(withField(filter, 'crossBorder', value));
          }}
        />
      </fieldset>
      <fieldset className="filter-group">
        <legend>Provenance</legend>
        <CheckboxMenu
          label="Datasets"
          options={options.datasets.map((dataset) => ({ value: dataset.key, label: dataset.name }))}
          selected={valuesOf(filter, 'datasetIds')}
          onToggle={(value, included) => {
            onChange(withListValue(filter, 'datasetIds', value, included));
          }}
        />
      </fieldset>
    </div>
  );
}
