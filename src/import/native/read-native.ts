import { stat } from 'node:fs/promises';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { sha256OfFile } from '../file-hash.js';
import { cannotRead, ImportInputError } from '../input-error.js';
import type { ReadOutcome, RecordBatch, RecordInput } from '../record-input.js';
import { ReplacementCharacterLines } from '../replacement-characters.js';
import { utf8Chunks } from '../text-encoding.js';
import {
  emptyReadResult,
  emptyRecords,
  recordKinds,
  type ImportIssue,
  type ReadResult,
  type RecordKind,
  type RecordOf,
} from '../records.js';
import {
  DatasetScanner,
  JsonSyntaxError,
  SyntaxErrorLocator,
  type DatasetVisitor,
  type TextPosition,
} from './dataset-scanner.js';
import { datasetEnvelopeSchema, DATASET_FORMAT } from './format.js';
import { convertNativeRecord } from './native-records.js';

/** Bytes per chunk read: big enough to amortise each call, small enough to stay cache-sized. */
const CHUNK = 1 << 16;

type Accept = <K extends RecordKind>(kind: K, record: RecordOf<K>, location: string) => void;

/**
 * Hands each record of the kinds asked for, checked and converted, to `accept`; a bad record goes
 * to `issues` instead (path, field, reason) while the others go on. Without `issues` (a later
 * reading of a file already checked), bad records are passed over silently.
 */
function recordVisitor(
  file: string,
  taxonomy: Taxonomy,
  kinds: ReadonlySet<RecordKind>,
  accept: Accept,
  issues?: ImportIssue[],
): DatasetVisitor {
  return {
    wants: (kind) => kinds.has(kind),
    record(kind, index, value) {
      const location = `${kind}[${index}]`;
      const converted = convertNativeRecord(kind, value, taxonomy);
      if (converted.record) {
        accept(kind, converted.record, location);
        return;
      }
      if (!issues) return;
      const recordId = recordIdOf(value);
      for (const problem of converted.problems) {
        issues.push({
          file,
          kind,
          location,
          ...(recordId ? { recordId } : {}),
          field: problem.field || undefined,
          reason: problem.reason,
        });
      }
    },
  };
}

function recordIdOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null && 'id' in value
    ? String(value.id)
    : undefined;
}

/** How a reading of the text ended, judged once the whole text has been fed. */
type Ending = { syntax: JsonSyntaxError } | { complete: boolean };

const isMalformed = (ending: Ending): boolean => 'syntax' in ending || !ending.complete;

/** A locator for a malformed text; feed it the text again, then ask `malformedIssue`. */
const locatorFor = (ending: Ending): SyntaxErrorLocator =>
  new SyntaxErrorLocator('syntax' in ending ? ending.syntax.consumedBefore : Infinity);

/** Malformed JSON, at the line and column the locator found (or the end, for a text cut short). */
function malformedIssue(file: string, locator: SyntaxErrorLocator): ImportIssue {
  const end = locator.end;
  // A number that ends the text is only known to be whole once something follows it.
  locator.feed(' ');
  const at: TextPosition = locator.found ?? end;
  const reason = locator.found ? plainMessage(locator.found.message) : 'the file ends too early';
  return {
    file,
    location: `line ${at.line}, column ${at.column}`,
    reason: `malformed JSON: ${reason}`,
  };
}

/** What the format refuses in the envelope: any of it and nothing of the file is read. */
function envelopeIssues(file: string, scanner: DatasetScanner): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const envelope = datasetEnvelopeSchema.safeParse(scanner.envelope);
  if (!envelope.success) {
    for (const problem of envelope.error.issues) {
      issues.push({
        file,
        location: 'file',
        field: problem.path.join('.') || undefined,
        reason:
          problem.path[0] === 'format'
            ? `expected "format": "${DATASET_FORMAT}" (is this a native dataset? use --format for others)`
            : problem.message,
      });
    }
  }
  for (const kind of scanner.repeated) {
    issues.push({
      file,
      location: 'file',
      field: kind,
      reason: `"${kind}" appears more than once; a dataset lists each kind once`,
    });
  }
  return issues;
}

/** The tokenizer's messages, without its own name. */
const plainMessage = (message: string): string =>
  message.replace(/^Parser cannot parse input: /, '').replace(/^Parser has expected /, 'expected ');

function* textChunks(text: string): Generator<string> {
  for (let start = 0; start < text.length; start += CHUNK) yield text.slice(start, start + CHUNK);
}

function feedAll(scanner: DatasetScanner, chunks: Iterable<string>): Ending {
  try {
    for (const chunk of chunks) scanner.write(chunk);
    return { complete: scanner.end() };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { syntax: error };
    throw error;
  }
}

/**
 * Reads a whole native dataset held in a string (the seeds, one record from a mutation): the
 * envelope must be right or nothing is read; each record is validated on its own, so one bad
 * record is reported and left out while the others go on.
 */
export function readNativeDataset(text: string, file: string, taxonomy: Taxonomy): ReadResult {
  const records = emptyRecords();
  const issues: ImportIssue[] = [];
  const locations = new Map<string, string>();
  const accept: Accept = (kind, record, location) => {
    (records[kind] as RecordOf<typeof kind>[]).push(record);
    locations.set(`${kind}:${record.id}`, location);
  };
  const scanner = new DatasetScanner(
    recordVisitor(file, taxonomy, new Set(recordKinds), accept, issues),
  );
  const ending = feedAll(scanner, textChunks(text));
  let problems: ImportIssue[];
  if (isMalformed(ending)) {
    const locator = locatorFor(ending);
    for (const chunk of textChunks(text)) if (locator.feed(chunk)) break;
    problems = [malformedIssue(file, locator)];
  } else {
    problems = envelopeIssues(file, scanner);
  }
  return problems.length > 0
    ? { ...emptyReadResult(), issues: problems }
    : { ...emptyReadResult(), records, issues, locations };
}

/** A batch being filled; records are only ever added to the batch of their own kind. */
interface OpenBatch {
  kind: RecordKind;
  records: { id: string }[];
  locations: string[];
}

/**
 * One pass through a dataset file: reads it chunk by chunk, handing on full batches of the kinds
 * asked for. Memory holds a chunk, the record being built and the batches not yet taken.
 */
class FileReading {
  readonly scanner: DatasetScanner;
  ending: Ending | undefined;
  readonly replacements = new ReplacementCharacterLines();
  readonly #file: string;
  readonly #batchSize: number;
  #open: OpenBatch | undefined;
  #ready: OpenBatch[] = [];

  constructor(
    file: string,
    taxonomy: Taxonomy,
    kinds: ReadonlySet<RecordKind>,
    batchSize: number,
    issues?: ImportIssue[],
  ) {
    this.#file = file;
    this.#batchSize = batchSize;
    this.scanner = new DatasetScanner(
      recordVisitor(
        file,
        taxonomy,
        kinds,
        (kind, record, location) => {
          this.#add(kind, record, location);
        },
        issues,
      ),
    );
  }

  /**
   * The batches, in the file's order. With `lastKinds`, the reading stops as soon as all of those
   * have been read: a later reading need not go through the rest of the file.
   */
  async *batches(lastKinds?: readonly RecordKind[]): AsyncGenerator<RecordBatch> {
    const chunks = utf8Chunks(this.#file, CHUNK);
    try {
      for await (const chunk of chunks) {
        this.replacements.feed(chunk);
        this.scanner.write(chunk);
        yield* this.#take();
        if (lastKinds && this.#hasRead(lastKinds)) {
          this.ending = { complete: true };
          break;
        }
      }
      this.ending ??= { complete: this.scanner.end() };
      if (this.#open) this.#ready.push(this.#open);
      this.#open = undefined;
      yield* this.#take();
    } catch (error) {
      if (error instanceof JsonSyntaxError) this.ending = { syntax: error };
      else throw isSystemError(error) ? cannotRead(this.#file, error) : error;
    }
  }

  #hasRead(kinds: readonly RecordKind[]): boolean {
    const { order, currentArray } = this.scanner;
    return kinds.every((kind) => order.includes(kind) && currentArray !== kind);
  }

  #add(kind: RecordKind, record: { id: string }, location: string): void {
    if (!this.#open || this.#open.kind !== kind || this.#open.records.length >= this.#batchSize) {
      if (this.#open) this.#ready.push(this.#open);
      this.#open = { kind, records: [], locations: [] };
    }
    this.#open.records.push(record);
    this.#open.locations.push(location);
  }

  #take(): RecordBatch[] {
    const ready = this.#ready;
    this.#ready = [];
    // Each batch holds records of its own kind only (see #add).
    return ready as RecordBatch[];
  }
}

/** An error of the file system (no such file, no permission…), as opposed to a bug. */
const isSystemError = (error: unknown): boolean =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';

/** Size and modification time: a file that changes between two readings would import as neither version. */
async function versionOf(file: string): Promise<string> {
  const { size, mtimeMs } = await stat(file).catch((error: unknown) => {
    throw cannotRead(file, error);
  });
  return `${size}:${mtimeMs}`;
}

/**
 * A native dataset streamed from its file, as often as the import reads it: memory holds a chunk
 * and a batch, never the file, so a million incidents take the memory of a few hundred. The first
 * reading checks everything (malformed JSON with its line and column, the envelope, each record);
 * later ones read only the kinds they are asked for and stop after the last of them.
 */
export function nativeDatasetInput(file: string, taxonomy: Taxonomy): RecordInput {
  let order: RecordKind[] = [];
  let version = '';
  return {
    files: [file],
    async scan(onBatch, batchSize): Promise<ReadOutcome> {
      version = await versionOf(file);
      const sha256 = await sha256OfFile(file);
      const issues: ImportIssue[] = [];
      const reading = new FileReading(file, taxonomy, new Set(recordKinds), batchSize, issues);
      for await (const batch of reading.batches()) onBatch(batch);
      const ending = reading.ending ?? { complete: false };
      let problems: ImportIssue[];
      if (isMalformed(ending)) {
        const locator = locatorFor(ending);
        for await (const chunk of utf8Chunks(file, CHUNK)) if (locator.feed(chunk)) break;
        problems = [malformedIssue(file, locator)];
      } else {
        problems = envelopeIssues(file, reading.scanner);
      }
      if (problems.length > 0)
        return { issues: problems, skipped: {}, notes: [], dropped: [], order: [], sha256 };
      order = [...reading.scanner.order];
      const replacements = reading.replacements.note(file);
      const notes = replacements ? [replacements] : [];
      return { issues, skipped: {}, notes, dropped: [], order, sha256 };
    },
    async *read(kinds, batchSize) {
      if ((await versionOf(file)) !== version)
        throw new ImportInputError(
          `${file} changed while it was being imported; run the import again`,
        );
      const reading = new FileReading(file, taxonomy, kinds, batchSize);
      yield* reading.batches(order.filter((kind) => kinds.has(kind)));
    },
  };
}
