import { normaliseValue, type CellForm } from './cells.js';
import type { CsvMapping, UnknownValues } from './mapping.js';
import type { Vocabulary } from './vocabularies.js';

/** A source value (normalised) → what it stands for; null when known to stand for nothing. */
export type ValueMap<T> = ReadonlyMap<string, readonly T[] | null>;

/** Everything needed to read one field from a row, compiled once from the mapping. */
export interface FieldReader<T> {
  /** Where the field is in the mapping ("columns.sectors"), for messages. */
  where: string;
  columns: readonly string[];
  form: CellForm;
  unknownValues: UnknownValues;
  vocabulary: Vocabulary<T>;
  values: ValueMap<T>;
  /**
   * Set when the cells are prose to scan for country names rather than values: whether a phrase
   * names a country.
   */
  find?: (phrase: string) => boolean;
}

type Target = string | number;

/** The parts of a field's mapping entry that say how it is read (see mapping.ts). */
export interface FieldSpecLike {
  column: string | string[];
  split?: string | undefined;
  list?: 'json' | 'python' | undefined;
  empty?: string[] | undefined;
  unknownValues?: UnknownValues | undefined;
  values?: Record<string, Target | Target[] | null> | undefined;
}

/**
 * Compiles one field of the mapping. A value-map target that names nothing of ours is a mistake
 * in the mapping: it is added to `errors` (the import refuses the mapping), never guessed.
 */
export function fieldReader<T>(
  spec: FieldSpecLike,
  vocabulary: Vocabulary<T>,
  mapping: Pick<CsvMapping, 'empty' | 'unknownValues'>,
  where: string,
  errors: string[],
): FieldReader<T> {
  return {
    where,
    columns: typeof spec.column === 'string' ? [spec.column] : spec.column,
    form: {
      split: spec.split,
      list: spec.list,
      empty: new Set((spec.empty ?? mapping.empty).map(normaliseValue)),
    },
    unknownValues: spec.unknownValues ?? mapping.unknownValues,
    vocabulary,
    values: compileValueMap(spec.values ?? {}, vocabulary, where, errors),
  };
}

function compileValueMap<T>(
  values: Record<string, Target | Target[] | null>,
  vocabulary: Vocabulary<T>,
  where: string,
  errors: string[],
): ValueMap<T> {
  const map = new Map<string, readonly T[] | null>();
  for (const [source, target] of Object.entries(values)) {
    const key = normaliseValue(source);
    if (map.has(key)) {
      errors.push(`${where}.values: "${source}" is listed twice (case and spaces aside)`);
      continue;
    }
    if (target === null) {
      map.set(key, null);
      continue;
    }
    const resolved = (Array.isArray(target) ? target : [target]).map((t) => {
      const value = vocabulary.target(t);
      if (value === undefined)
        errors.push(
          `${where}.values: "${source}" maps to "${t}", which is not ${vocabulary.targets}`,
        );
      return value;
    });
    map.set(
      key,
      resolved.filter((v): v is T => v !== undefined),
    );
  }
  return map;
}
