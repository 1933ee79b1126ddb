import { readFile } from 'node:fs/promises';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { detectFormat, type ImportFormat } from './formats.js';
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
  switch (format) {
    case 'json':
      return { format, result: readNativeDataset(text, file, taxonomy) };
    case 'misp':
      return { format, result: readMispGalaxy(text, file, taxonomy) };
    case 'stix':
      return {
        format,
        result: readStixBundle(text, file, taxonomy, {
          includeRevoked: options.includeRevoked ?? false,
        }),
      };
    default:
      throw new ImportInputError(`the ${format} importer is not available yet`);
  }
}
