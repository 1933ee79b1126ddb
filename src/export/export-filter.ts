import { parsePartialDate } from '../domain/partial-date.js';
import { attributionStatuses, impactCategories } from '../domain/vocabulary.js';
import { slugSchema } from '../import/native/format.js';
import { MAX_FILTER_VALUES, type IncidentConditions } from '../repositories/incident-filter.js';
import { findRegion, regionScope, type RegionRecord } from '../taxonomy/regions.js';
import { withSubsectors, type Taxonomy } from '../taxonomy/taxonomy.js';

/**
 * An export's filter from plain strings, as `GET /export/…` query parameters and `cig export`
 * options give them, to the repository's incident conditions. Every value is checked before the
 * export writes a byte, and every problem is named (the field, the value, why) for the caller to
 * say in its own terms: an HTTP 400, or a command line's exit code 1.
 *
 * The fields mean what IncidentFilter's mean. A field given several times holds all the values
 * (lists also take comma-separated values); one that takes a single value must be given once.
 * Dates are partial dates at their precision: `from=2022-03` starts on 1 March, `to=2022-03` ends
 * on 31 March, and `2022-02-30` is no date.
 */
export const exportFilterFields = [
  'from',
  'to',
  'sectorIds',
  'countryCodes',
  'originCountryCodes',
  'actorIds',
  'attackTypes',
  'minConfidence',
  'attributionStatuses',
  'crossBorder',
  'datasetIds',
  'regions',
  'attributed',
  'impactCategories',
] as const;
export type ExportFilterField = (typeof exportFilterFields)[number];

/** Each field's values as given, in order; a name that is no field is a problem too. */
export type FilterValues = Readonly<Partial<Record<string, readonly string[]>>>;

/** A value refused: `from=2022-13-45: "2022-13-45" has no month 13` reads field=value: reason. */
export interface FilterProblem {
  field: string;
  value: string;
  reason: string;
}

export type ParsedFilter =
  | { conditions: IncidentConditions; problems?: undefined }
  | { conditions?: undefined; problems: FilterProblem[] };

type Checked<T> = { value: T } | { reason: string };

export const isExportFilterField = (name: string): name is ExportFilterField =>
  (exportFilterFields as readonly string[]).includes(name);

/** Strips the type of a global id given for that type (`Sector:energy`): both forms name it. */
const keyOf = (type: string, value: string): string =>
  value.startsWith(`${type}:`) ? value.slice(type.length + 1) : value;

/** Reads the fields of one filter, collecting the problems. */
class FieldReader {
  readonly problems: FilterProblem[] = [];

  constructor(private readonly values: FilterValues) {
    for (const [name, given] of Object.entries(values))
      if (!isExportFilterField(name))
        this.problems.push({
          field: name,
          value: (given ?? []).join(','),
          reason: `not a filter; the filters are ${exportFilterFields.join(', ')}`,
        });
  }

  /** A field that takes one value; null when absent. */
  one<T>(field: ExportFilterField, check: (value: string) => Checked<T>): T | null {
    const given = this.values[field];
    if (given === undefined || given.length === 0) return null;
    if (given.length > 1) {
      this.problems.push({
        field,
        value: given.join(','),
        reason: `given ${given.length} times; ${field} takes one value`,
      });
      return null;
    }
    return this.#checked(field, given[0] ?? '', check);
  }

  /** A list field: every value given, comma-separated or repeated; null when absent. */
  many<T>(field: ExportFilterField, check: (value: string) => Checked<T>): T[] | null {
    const given = this.values[field];
    if (given === undefined || given.length === 0) return null;
    const values = given.flatMap((v) => v.split(',')).map((v) => v.trim());
    if (values.length > MAX_FILTER_VALUES) {
      this.problems.push({
        field,
        value: `${values.length} values`,
        reason: `more than ${MAX_FILTER_VALUES} values, the most a filter takes`,
      });
      return null;
    }
    const checked = values.map((v) => this.#checked(field, v, check));
    return checked.every((v) => v !== null) ? checked : null;
  }

  #checked<T>(field: string, value: string, check: (value: string) => Checked<T>): T | null {
    const result = value === '' ? { reason: 'empty' } : check(value);
    if ('value' in result) return result.value;
    this.problems.push({ field, value, reason: result.reason });
    return null;
  }
}

/** The day a partial date starts (`from`) or ends (`to`) on. */
const dayOf =
  (end: 'first' | 'last') =>
  (value: string): Checked<string> => {
    const parsed = parsePartialDate(value);
    return 'error' in parsed ? { reason: parsed.error } : { value: parsed[end] };
  };

export function parseExportFilter(values: FilterValues, taxonomy: Taxonomy): ParsedFilter {
  const fields = new FieldReader(values);
  const country = (value: string): Checked<string> => {
    const code = taxonomy.resolveCountry(value);
    return code ? { value: code } : { reason: 'not a country (use ISO 3166-1 codes such as UA)' };
  };
  const from = fields.one('from', dayOf('first'));
  const to = fields.one('to', dayOf('last'));
  if (from !== null && to !== null && from > to)
    fields.problems.push({
      field: 'from',
      value: values.from?.[0] ?? from,
      reason: `after to=${values.to?.[0] ?? to}`,
    });
  const sectorIds = fields.many<string>('sectorIds', (value) => {
    const key = keyOf('Sector', value);
    return taxonomy.isSector(key)
      ? { value: key }
      : { reason: 'not a sector (the sectors query lists them)' };
  });
  const regions = fields.many<RegionRecord>('regions', (value) => {
    const region = findRegion(value);
    return region ? { value: region } : { reason: 'not a region (the regions query lists them)' };
  });
  const conditions: IncidentConditions = {
    from,
    to,
    sectorIds: sectorIds && withSubsectors(sectorIds, taxonomy),
    countryCodes: fields.many('countryCodes', country),
    originCountryCodes: fields.many('originCountryCodes', country),
    actorIds: fields.many<string>('actorIds', (value) => {
      const key = keyOf('Actor', value);
      return slugSchema.safeParse(key).success
        ? { value: key }
        : { reason: 'not an actor id (a lowercase slug such as sandworm, or Actor:sandworm)' };
    }),
    attackTypes: fields.many<string>('attackTypes', (value) =>
      taxonomy.isAttackType(value)
        ? { value }
        : { reason: 'not an attack type (the attackTypes query lists them)' },
    ),
    minConfidence: fields.one<number>('minConfidence', (value) =>
      /^\d{1,3}$/.test(value) && Number(value) <= 100
        ? { value: Number(value) }
        : { reason: 'not a whole number from 0 to 100' },
    ),
    attributionStatuses: fields.many<string>('attributionStatuses', (value) =>
      (attributionStatuses as readonly string[]).includes(value)
        ? { value }
        : { reason: `not one of ${attributionStatuses.join(', ')}` },
    ),
    crossBorder: fields.one<boolean>('crossBorder', (value) =>
      value === 'true' || value === 'false'
        ? { value: value === 'true' }
        : { reason: 'not true or false' },
    ),
    datasetIds: fields.many<string>('datasetIds', (value) => {
      const key = keyOf('Dataset', value);
      return slugSchema.safeParse(key).success
        ? { value: key }
        : {
            reason:
              'not a dataset id (a lowercase slug, or Dataset:…; the datasets query lists them)',
          };
    }),
    regions: regions && regionScope(regions),
    attributed: fields.one<boolean>('attributed', (value) =>
      value === 'true' || value === 'false'
        ? { value: value === 'true' }
        : { reason: 'not true or false' },
    ),
    impactCategories: fields.many<string>('impactCategories', (value) =>
      (impactCategories as readonly string[]).includes(value)
        ? { value }
        : { reason: `not one of ${impactCategories.join(', ')}` },
    ),
  };
  if (conditions.attributed === false && conditions.crossBorder !== null)
    fields.problems.push({
      field: 'crossBorder',
      value: values.crossBorder?.[0] ?? '',
      reason: "speaks of an attributed actor's origin, so cannot go with attributed=false",
    });
  return fields.problems.length > 0 ? { problems: fields.problems } : { conditions };
}
