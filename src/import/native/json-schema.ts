import { z } from 'zod';
import { datasetSchema, DATASET_FORMAT } from './format.js';

/** The published JSON Schema of the native format, derived from its zod definition. */
export function datasetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(datasetSchema, { io: 'input', unrepresentable: 'any' }),
    title: `Cyber Incident Graph dataset (${DATASET_FORMAT})`,
    description:
      'Native import and export format. Dates are YYYY, YYYY-MM or YYYY-MM-DD (the length is the precision). Sector ids and attack types come from seeds/taxonomy; countries are ISO 3166-1 alpha-2; sources are cited by URL and described once in "sources".',
  };
}
