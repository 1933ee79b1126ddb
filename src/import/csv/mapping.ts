import { z } from 'zod';
import { attributionBases, attributionStatuses } from '../../domain/vocabulary.js';
import { attackTypeVocabularies, sectorVocabularies } from '../../taxonomy/taxonomy.js';

/**
 * A CSV mapping file says which column holds what, how multi-valued cells split, and which
 * vocabulary a column speaks, so another tracker's export loads without code. See
 * examples/csv/ for a complete example and the README for every field.
 */
const column = z.string().min(1);
const multiColumn = z.strictObject({
  column,
  /** Separator inside a cell, e.g. ";" or "|"; absent means one value per cell. */
  split: z.string().min(1).optional(),
});
const sectorVocabulary = z.enum(sectorVocabularies);
const attackTypeVocabulary = z.enum(attackTypeVocabularies);

export const csvMappingSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  delimiter: z.string().length(1).default(','),
  /** How dates are written: ISO (YYYY, YYYY-MM, YYYY-MM-DD), or day-first / month-first with slashes. */
  dateFormat: z.enum(['iso', 'dd/mm/yyyy', 'mm/dd/yyyy']).default('iso'),
  /** A prefix for ids made from the id column (or, without one, from the title and date). */
  idPrefix: z
    .string()
    .regex(/^[a-z0-9-]*$/)
    .default(''),
  columns: z.strictObject({
    id: column.optional(),
    title: column,
    description: column.optional(),
    startDate: column,
    endDate: column.optional(),
    sectors: multiColumn.extend({ vocabulary: sectorVocabulary.default('native') }).optional(),
    countries: multiColumn.optional(),
    attackTypes: multiColumn
      .extend({ vocabulary: attackTypeVocabulary.default('native') })
      .optional(),
    actors: multiColumn.optional(),
    sources: multiColumn,
  }),
  /** How to read the actor column: every named actor becomes one attribution claim with these. */
  attribution: z
    .strictObject({
      confidence: z.number().int().min(0).max(100).default(50),
      basis: z.enum(attributionBases).default('MEDIA'),
      status: z.enum(attributionStatuses).default('SUSPECTED'),
      claimedBy: z.string().optional(),
    })
    .default({ confidence: 50, basis: 'MEDIA', status: 'SUSPECTED' }),
});

export type CsvMapping = z.infer<typeof csvMappingSchema>;
