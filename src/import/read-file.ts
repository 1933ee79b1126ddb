import { open, readdir, readFile, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { CsvMapping } from './csv/mapping.js';
import { withinFieldLimits } from './field-limits.js';
import { sha256Of } from './file-hash.js';
import { detectFormat, type ImportFormat } from './formats.js';
import { csvMappingSchema } from './csv/mapping.js';
import { readCsv } from './csv/read-csv.js';
import { readMispGalaxy } from './misp/read-misp.js';
import { cannotRead, ImportInputError } from './input-error.js';
import { nativeDatasetInput } from './native/read-native.js';
import { inMemoryInput, type RecordInput } from './record-input.js';
import type { ReadResult } from './records.js';
import { readStixBundle } from './stix/read-stix.js';
import { replacementCharacterNote } from './replacement-characters.js';
import { decodeHead, decodeText, isUtf8Encoding } from './text-encoding.js';
import { readCyberPeace } from './cyberpeace/read-cyberpeace.js';
import { readEurepoc } from './eurepoc/read-eurepoc.js';

export interface ReadOptions {
  format?: ImportFormat;
  /** CSV column mapping file (required for CSV). */
  mappingFile?: string;
  /** STIX: import revoked and deprecated objects too. */
  includeRevoked?: boolean;
  /** The text encoding of a file that is not UTF-8. */
  encoding?: string;
  /** EuRepoC: the attribution and receiver files read with the main one. */
  companions?: string[];
}

/** How much of a file's start format detection looks at (a MISP cluster's "values" may come late). */
const HEAD_BYTES = 100_000;

/**
 * Opens one file for import with the reader of its format (given, or detected from the file's
 * start). A native dataset is streamed, however large; the other formats are read whole.
 */
export async function openImportInput(
  file: string,
  taxonomy: Taxonomy,
  options: ReadOptions,
): Promise<{ format: ImportFormat; input: RecordInput }> {
  if (await isFolder(file))
    return { format: 'eurepoc', input: await eurepocFolder(file, taxonomy, options) };
  const format =
    options.format ??
    (options.companions?.length
      ? 'eurepoc'
      : detectFormat(file, await readHead(file, options.encoding)));
  if (!format) {
    throw new ImportInputError(
      `cannot tell the format of ${file}: pass --format json|csv|misp|stix|cyberpeace|eurepoc (a native dataset has "format": "cig-dataset/1")`,
    );
  }
  if (format === 'json') {
    if (!isUtf8Encoding(options.encoding))
      throw new ImportInputError(`a native dataset is UTF-8: leave out --encoding for ${file}`);
    return { format, input: nativeDatasetInput(file, taxonomy) };
  }
  if (format === 'eurepoc')
    return {
      format,
      input: await eurepocInput([file, ...(options.companions ?? [])], taxonomy, options),
    };
  const bytes = await readFile(file).catch((error: unknown) => {
    throw cannotRead(file, error);
  });
  const text = decodeText(bytes, file, options.encoding);
  const replacements = replacementCharacterNote(text, file);
  // Every format keeps to the native format's field limits, checked before anything is written.
  const whole = (result: ReadResult) => ({
    format,
    input: inMemoryInput(
      [file],
      withinFieldLimits(withNotesFirst(result, [replacements]), file),
      sha256Of([bytes]),
    ),
  });
  // Every other format has a reader; the switch is exhaustive.
  switch (format) {
    case 'misp':
      return whole(readMispGalaxy(text, file, taxonomy));
    case 'csv':
      return whole(readCsv(text, file, await readMapping(options.mappingFile), taxonomy));
    case 'stix':
      return whole(
        readStixBundle(text, file, taxonomy, { includeRevoked: options.includeRevoked ?? false }),
      );
    case 'cyberpeace':
      return whole(readCyberPeace(text, file, taxonomy));
  }
}

/** A reader's result with notes about the file itself (undefined: nothing to say) ahead of its own. */
function withNotesFirst(result: ReadResult, notes: readonly (string | undefined)[]): ReadResult {
  const said = notes.filter((note): note is string => note !== undefined);
  return said.length ? { ...result, notes: [...said, ...result.notes] } : result;
}

async function isFolder(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isDirectory() ?? false;
}

/** A folder holding the EuRepoC release: its CSV files, each recognised by its header. */
async function eurepocFolder(
  folder: string,
  taxonomy: Taxonomy,
  options: ReadOptions,
): Promise<RecordInput> {
  if (options.format && options.format !== 'eurepoc')
    throw new ImportInputError(
      `${folder} is a folder: only --format eurepoc reads a folder (of the EuRepoC release's CSV files)`,
    );
  const names = await readdir(folder).catch((error: unknown) => {
    throw cannotRead(folder, error);
  });
  const csvs = names.filter((name) => path.extname(name).toLowerCase() === '.csv').sort();
  if (csvs.length === 0)
    throw new ImportInputError(
      `${folder} holds no .csv file: expected the EuRepoC release's incident file and its companions`,
    );
  return eurepocInput(
    [...csvs.map((name) => path.join(folder, name)), ...(options.companions ?? [])],
    taxonomy,
    options,
  );
}

/** The EuRepoC incident file and its companions, each decoded like any import file, read together. */
async function eurepocInput(
  files: string[],
  taxonomy: Taxonomy,
  options: ReadOptions,
): Promise<RecordInput> {
  const read = await Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(file).catch((error: unknown) => {
        throw cannotRead(file, error);
      });
      return { file, bytes, text: decodeText(bytes, file, options.encoding) };
    }),
  );
  const result = withNotesFirst(
    readEurepoc(read, taxonomy),
    read.map(({ text, file }) => replacementCharacterNote(text, file)),
  );
  return inMemoryInput(
    files,
    withinFieldLimits(result, files.join(', ')),
    sha256Of(read.map((r) => r.bytes)),
  );
}

async function readHead(file: string, encoding: string | undefined): Promise<string> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return decodeHead(buffer.subarray(0, bytesRead), file, encoding);
  } catch (error) {
    throw cannotRead(file, error);
  } finally {
    await handle?.close();
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
      `the mapping ${file} is invalid: ${mapping.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`,
    );
  }
  return mapping.data;
}
