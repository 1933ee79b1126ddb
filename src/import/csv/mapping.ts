import { z } from 'zod';
import {
  actorTypes,
  attributionBases,
  attributionStatuses,
  impactCategories,
} from '../../domain/vocabulary.js';
import { attackTypeVocabularies, sectorVocabularies } from '../../taxonomy/taxonomy.js';

/**
 * A CSV mapping file says which column holds what, how cells hold lists, which vocabulary a
 * column speaks and how its values translate, so another tracker's export loads without code.
 * See examples/csv/ and examples/cfr/ for complete examples and the README for every field.
 */
const columnName = z.string().min(1);

/** What to do with a value that is neither in the column's value map nor in its vocabulary. */
const unknownValues = z.enum(['reject-row', 'drop-value']);

const pattern = z.string().refine(
  (text) => {
    try {
      new RegExp(text, 'i');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

/** How the cells of a field's columns are read into values; shared by every field. */
const cellShape = {
  /** One column, or several read in order for one field (Sources 1, Sources 2, Sources 3). */
  column: z.union([columnName, z.array(columnName).min(1)]),
  /** Separator inside a cell, e.g. ";" or "|". */
  split: z.string().min(1).optional(),
  /** Cells holding a JSON array, or a Python list literal as pandas writes one. */
  list: z.enum(['json', 'python']).optional(),
  /** Placeholders read as empty here, instead of the mapping's own `empty`. */
  empty: z.array(z.string()).optional(),
  unknownValues: unknownValues.optional(),
};

/** A field is a column name, or an object saying how its cells are read. */
function field<T extends z.ZodRawShape>(extra: T) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? { column: value } : value),
    z.strictObject({ ...cellShape, ...extra }),
  );
}

/** A source value → one target, several, or null: known to map to nothing (dropped, counted). */
const manyValues = <T extends z.ZodType>(target: T) =>
  z.record(z.string(), z.union([target, z.array(target).min(1), z.null()])).optional();
const oneValue = <T extends z.ZodType>(target: T) =>
  z.record(z.string(), z.union([target, z.null()])).optional();

const textField = field({});
const sectorField = field({
  vocabulary: z.enum(sectorVocabularies).default('native'),
  /** Targets are our sector ids or names. */
  values: manyValues(z.string().min(1)),
});
const countryField = field({
  /** Targets are countries (code or name) or regions ("EU", "Eastern Europe", "Global"). */
  values: manyValues(z.string().min(1)),
  /** Scan free text ("Government agencies in Ukraine and Poland") for the countries it names. */
  find: z.literal('country-names').optional(),
});
const organizationField = field({ values: manyValues(z.string().min(1)) });

/** Columns holding one list per row whose n-th items belong together (the n-th receiver). */
const isAligned = (spec: { column: string | string[]; list?: string; split?: string }): boolean =>
  typeof spec.column === 'string' && (spec.list !== undefined || spec.split !== undefined);
const aligned = {
  message: 'an aligned column is one column whose cells are lists ("list" or "split")',
};

const confidence = z.number().int().min(0).max(100);

export const csvMappingSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  delimiter: z.string().length(1).default(','),
  /**
   * How dates are written: ISO (YYYY, YYYY-MM, YYYY-MM-DD), or day-first / month-first with
   * slashes (zero padding optional, so m/d/yyyy reads as mm/dd/yyyy).
   */
  dateFormat: z.enum(['iso', 'dd/mm/yyyy', 'mm/dd/yyyy']).default('iso'),
  /** A prefix for ids made from the id column (or, without one, from the title and date). */
  idPrefix: z
    .string()
    .regex(/^[a-z0-9-]*$/)
    .default(''),
  /** Cell values that mean "no value" ("Not available", "N/A"), compared without case. */
  empty: z.array(z.string()).default([]),
  unknownValues: unknownValues.default('reject-row'),
  columns: z.strictObject({
    id: textField.optional(),
    title: textField,
    description: textField.optional(),
    startDate: textField,
    endDate: textField.optional(),
    sectors: sectorField.optional(),
    countries: countryField.optional(),
    attackTypes: field({
      vocabulary: z.enum(attackTypeVocabularies).default('native'),
      /** Targets are our attack type ids or names. */
      values: manyValues(z.string().min(1)),
    }).optional(),
    actors: field({
      /** Targets are actor names. */
      values: manyValues(z.string().min(1)),
      /** Values matching one of these (case-insensitive) are prose, not an actor: dropped. */
      ignore: z.array(pattern).optional(),
      /** Values of more words than this are prose, not an actor name: dropped. */
      maxWords: z.number().int().min(1).optional(),
    }).optional(),
    sources: textField,
    /** The victim organisation named on the row. */
    organizations: organizationField.optional(),
  }),
  /** Receivers listed one per list item, the n-th item of each column describing the n-th. */
  receivers: z
    .strictObject({
      countries: countryField.refine(isAligned, aligned).optional(),
      sectors: sectorField.refine(isAligned, aligned).optional(),
      organizations: organizationField.refine(isAligned, aligned).optional(),
    })
    .optional(),
  /** Per-row attribution claims; the `attribution` defaults fill what a row leaves empty. */
  claims: z
    .strictObject({
      confidence: field({ values: oneValue(confidence) }).optional(),
      basis: field({ values: oneValue(z.enum(attributionBases)) }).optional(),
      status: field({ values: oneValue(z.enum(attributionStatuses)) }).optional(),
      claimedBy: textField.optional(),
      assessedAt: textField.optional(),
    })
    .optional(),
  /** What the row says about the actors it names. */
  actor: z
    .strictObject({
      origin: countryField.optional(),
      sponsors: countryField.optional(),
      type: field({ values: oneValue(z.enum(actorTypes)) }).optional(),
      aliases: textField.optional(),
    })
    .optional(),
  impact: z
    .strictObject({
      categories: field({ values: manyValues(z.enum(impactCategories)) }).optional(),
      /** The n-th description goes with the n-th category. */
      descriptions: textField.optional(),
      unweightedIntensity: textField.optional(),
      weightedIntensity: textField.optional(),
      targetMultiplier: textField.optional(),
      functional: textField.optional(),
      intelligence: textField.optional(),
      /** One column per political impact measure, keyed by the measure's name. */
      political: z.record(z.string().min(1), textField).optional(),
      economic: textField.optional(),
      economicValue: textField.optional(),
      economicCurrency: textField.optional(),
      casualties: textField.optional(),
    })
    .optional(),
  /** The claim every actor named on a row gets, where the row's own claim columns are empty. */
  attribution: z
    .strictObject({
      confidence: confidence.default(50),
      basis: z.enum(attributionBases).default('MEDIA'),
      status: z.enum(attributionStatuses).default('SUSPECTED'),
      claimedBy: z.string().optional(),
    })
    .default({ confidence: 50, basis: 'MEDIA', status: 'SUSPECTED' }),
});

export type CsvMapping = z.infer<typeof csvMappingSchema>;
export type FieldSpec = z.infer<typeof textField>;
export type SectorFieldSpec = z.infer<typeof sectorField>;
export type CountryFieldSpec = z.infer<typeof countryField>;
export type UnknownValues = z.infer<typeof unknownValues>;
