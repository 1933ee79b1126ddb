import { readFile } from 'node:fs/promises';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { CsvMapping } from './csv/mapping.js';
import { detectFormat, type ImportFormat } from './formats.js';
import { csvMappingSchema } from './csv/mapping.js';
import { readCsv } from './csv/read-csv.js';
import { readMispGalaxy } from './misp/read-misp.js';
import { readNativeDataset } from './native/read-native.js';
import { readStixBundle } from './stix/read-stix.js';
import type { ReadResult } from './records.js';

export interface ReadOptions {
  format?: ImportFormat;
  /** CSV column mapping file (required for CSV). */
  mappingFile?: string;
  /** STIX: import revoked and deprecated objects too. */
  includeRevoked?: boolean;
}

export class ImportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportInputError';
  }
}

/** Reads one file with the reader of its format (given, or detected from the file). */
export async function readImportFile(
  file: string,
  taxonomy: Taxonomy,
  options: ReadOptions,
): Promise<{ format: ImportFormat; result: ReadResult }> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new ImportInputError(
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  const format = options.format ?? detectFormat(file, text);
  if (!format) {
    throw new ImportInputError(
      `cannot tell the format of ${file}: pass --format json|csv|misp|stix (a native dataset has "format": "cig-dataset/1")`,
    );
  }
  // Every format has a reader; the switch is exhaustive.
  switch (format) {
    case 'json':
      return { format, result: readNativeDataset(text, file, taxonomy) };
    case 'misp':
      return { format, result: readMispGalaxy(text, file, taxonomy) };
    case 'csv':
      return {
        format,
        result: readCsv(text, file, await readMapping(options.mappingFile), taxonomy),
      };
    case 'stix':
      return {
        format,
        result: readStixBundle(text, file, taxonomy, {
          includeRevoked: options.includeRevoked ?? false,
        }),
      };
  }
}

async function readMapping(file: string | undefined): Promise<CsvMapping> {
  if (!file)
    throw new ImportInputError(
      'a CSV import needs --mapping <file> saying which column holds what (see examples/csv/)',
    );
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new ImportInputError(
      `cannot read the mapping ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportInputError(
      `the mapping ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const mapping = csvMappingSchema.safeParse(json);
  if (!mapping.success) {
    throw new ImportInputError(
      `the mapping ${file} is invalid:\n  ${mapping.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('\n  ')}`,
    );
  }
  return mapping.data;
}
