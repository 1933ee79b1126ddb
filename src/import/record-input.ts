import {
  recordKinds,
  type DroppedValue,
  type GraphRecords,
  type ImportIssue,
  type ReadResult,
  type RecordKind,
} from './records.js';

/** Valid records of one kind, each with where it stands in its file ("incidents[3]", "line 12"). */
export type RecordBatch = {
  [K in RecordKind]: { kind: K; records: GraphRecords[K]; locations: string[] };
}[RecordKind];

/** What the first reading of an input found besides its records. */
export interface ReadOutcome {
  /** Records rejected while reading, and problems with the whole file (those without a kind). */
  issues: ImportIssue[];
  /** Records deliberately not imported (revoked, deprecated, unsupported type), by reason. */
  skipped: Record<string, number>;
  /** Values left out of records that were imported, each with why. */
  notes: string[];
  /** Values left out of records that were imported, one entry per value. */
  dropped: DroppedValue[];
  /** The kinds in the order one reading yields them; a kind the input lacks is absent. */
  order: RecordKind[];
  /** The SHA-256 of the input's bytes, named in the audit record of every change it makes. */
  sha256: string;
}

/**
 * What an import reads from, as often as it needs: a first reading to check everything, then
 * readings of some kinds at a time to write them in dependency order. A file read whole (CSV,
 * MISP, STIX, the seeds) serves every reading from memory; a native dataset is streamed from disk
 * each time, so memory holds one batch, never the file.
 */
export interface RecordInput {
  readonly files: string[];
  /** The first reading: every valid record, in batches of one kind, in the order the input holds them. */
  scan(onBatch: (batch: RecordBatch) => void, batchSize: number): Promise<ReadOutcome>;
  /** A later reading: the valid records of `kinds` only, in the same order as the first. */
  read(kinds: ReadonlySet<RecordKind>, batchSize: number): AsyncIterable<RecordBatch>;
}

/** An input already read whole into memory (every format but the streamed native one). */
export function inMemoryInput(files: string[], result: ReadResult, sha256: string): RecordInput {
  function* batches(kinds: ReadonlySet<RecordKind>, size: number): Generator<RecordBatch> {
    for (const kind of recordKinds) {
      if (!kinds.has(kind)) continue;
      const records: readonly { id: string }[] = result.records[kind];
      for (let start = 0; start < records.length; start += size) {
        const slice = records.slice(start, start + size);
        // The slice is of result.records[kind], so it is that kind's record type.
        yield {
          kind,
          records: slice,
          locations: slice.map((r) => result.locations.get(`${kind}:${r.id}`) ?? kind),
        } as RecordBatch;
      }
    }
  }
  return {
    files,
    scan(onBatch, size) {
      for (const batch of batches(new Set(recordKinds), size)) onBatch(batch);
      return Promise.resolve({
        issues: result.issues,
        skipped: result.skipped,
        notes: result.notes,
        dropped: result.dropped,
        order: recordKinds.filter((kind) => result.records[kind].length > 0),
        sha256,
      });
    },
    // eslint-disable-next-line @typescript-eslint/require-await -- the records are in memory; async only to serve the same interface as a streamed file
    async *read(kinds, size) {
      yield* batches(kinds, size);
    },
  };
}
