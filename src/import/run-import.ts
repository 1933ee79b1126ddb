import path from 'node:path';
import type { Executor } from '../db/database.js';
import {
  openDataset,
  recordDatasetImport,
  type DatasetCounts,
} from '../repositories/dataset-repository.js';
import { actorIdentities, findExistingIds } from '../repositories/import-repository.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { ActorDescriptions, type ActorIdentities } from './actor-identity.js';
import { checkInput } from './check-input.js';
import type { DatasetName } from './dataset-name.js';
import type { RecordBatch, RecordInput } from './record-input.js';
import { buildTargetProfiles } from '../repositories/target-profile-repository.js';
import type { ReferenceIndex } from './references.js';
import {
  emptyReadResult,
  recordKinds,
  type DroppedValue,
  type ImportIssue,
  type ReadResult,
  type RecordKind,
} from './records.js';
import {
  RecordWriter,
  writeTaxonomy,
  type KindBatch,
  type WriteSummary,
  type WrittenKind,
} from './writer.js';

export interface ImportOptions {
  /** Validate and report; write nothing. */
  dryRun: boolean;
  /** Any bad record rejects the whole import before anything is written. */
  strict: boolean;
  batchSize: number;
  /** The dataset the records point at, and the format it was read in, recorded once written. */
  dataset: DatasetName & { format: string };
  /** Called once everything is read and checked, before anything is written. */
  onChecked?: (checked: { read: Record<RecordKind, number>; toWrite: number }) => void;
  onBatch?: (kind: WrittenKind, written: number) => void;
}

export interface ImportReport {
  files: string[];
  /** Records read, per kind (before identity merging). */
  read: Record<RecordKind, number>;
  written: WriteSummary;
  rejected: Record<RecordKind, number>;
  skipped: Record<string, number>;
  issues: ImportIssue[];
  notes: string[];
  /** Values left out of imported records, one entry per value. */
  dropped: DroppedValue[];
  /** Whether anything was written (false for dry runs and strict rejections). */
  wrote: boolean;
  /** Whether the input could be read at all: false for a malformed file or one not of its format. */
  readable: boolean;
}

/** Several files read as one import (the seeds): references may cross files. */
export function combineReads(results: ReadResult[]): ReadResult {
  const combined = emptyReadResult();
  for (const result of results) {
    for (const kind of recordKinds)
      (combined.records[kind] as unknown[]).push(...result.records[kind]);
    combined.issues.push(...result.issues);
    for (const [key, value] of result.locations) combined.locations.set(key, value);
    combined.notes.push(...result.notes);
    combined.dropped.push(...result.dropped);
    for (const [reason, n] of Object.entries(result.skipped))
      combined.skipped[reason] = (combined.skipped[reason] ?? 0) + n;
  }
  return combined;
}

/**
 * What each kind's records link to, so must be in the graph before them. A claim's sources are a
 * list on the claim, not links: they need only be in the import or the database.
 */
const linksTo: Record<RecordKind, readonly RecordKind[]> = {
  sources: [],
  actors: [],
  campaigns: ['actors'],
  organizations: [],
  incidents: ['sources', 'actors', 'campaigns', 'organizations'],
};

/**
 * The readings that write every kind after what it links to, in as few passes through the input
 * as its order allows: each reading writes, in the input's order, every kind whose links are
 * written by then. A file in dependency order is read once; one whose incidents come before the
 * sources they cite (an export, for one) is read twice.
 */
export function writePasses(order: readonly RecordKind[]): RecordKind[][] {
  const passes: RecordKind[][] = [];
  const written = new Set<RecordKind>();
  let left = [...order];
  while (left.length > 0) {
    const pass: RecordKind[] = [];
    for (const kind of left) {
      if (linksTo[kind].every((target) => written.has(target) || !order.includes(target))) {
        pass.push(kind);
        written.add(kind);
      }
    }
    passes.push(pass);
    left = left.filter((kind) => !written.has(kind));
  }
  return passes;
}

/**
 * The steps every format shares once a reader can hand over records: a first reading recognises
 * known actors and notes what every record points at; references are checked against the import
 * and the database; then, unless this is a dry run or a strict import with problems, the records
 * are read again and written in dependency order. Only ids are held between readings, never the
 * records, so a native dataset of any size imports in flat memory.
 */
export async function runImport(
  executor: Executor,
  taxonomy: Taxonomy,
  input: RecordInput,
  options: ImportOptions,
): Promise<ImportReport> {
  const checked = await checkInput(input, {
    knownActors: await actorIdentities(executor),
    existingIds: (ids) => findExistingIds(executor, ids),
    batchSize: options.batchSize,
  });
  const report: ImportReport = {
    files: input.files,
    read: checked.read,
    written: {},
    rejected: checked.rejected,
    skipped: checked.outcome.skipped,
    issues: checked.issues,
    notes: checked.notes,
    dropped: checked.dropped,
    wrote: false,
    readable: checked.readable,
  };
  if (!checked.readable) return report;
  options.onChecked?.({ read: checked.read, toWrite: checked.toWrite });
  if (options.dryRun || (options.strict && checked.issues.length > 0)) return report;

  const writeOptions = {
    batchSize: options.batchSize,
    ...(options.onBatch ? { onBatch: options.onBatch } : {}),
  };
  const taxonomyWritten = await writeTaxonomy(executor, taxonomy, writeOptions);
  await openDataset(executor, options.dataset);
  const writer = new RecordWriter(
    executor,
    {
      file: input.files.join(', '),
      sha256: checked.outcome.sha256,
      datasetId: options.dataset.id,
    },
    writeOptions,
  );
  const descriptions = new ActorDescriptions(checked.identities);
  for (const kinds of writePasses(checked.outcome.order)) {
    for await (const batch of input.read(new Set(kinds), options.batchSize)) {
      await writer.write(asWritten(batch, checked.identities, descriptions, checked.references));
    }
  }
  report.written = { ...taxonomyWritten, ...(await writer.finish()) };
  // The profiles the batches dropped; all of them when a sector moved under another parent.
  await buildTargetProfiles(executor, { rebuild: (taxonomyWritten.sectors?.updated ?? 0) > 0 });
  report.wrote = true;
  await recordDatasetImport(executor, {
    ...options.dataset,
    files: input.files.map((file) => path.basename(file)),
    sha256: checked.outcome.sha256,
    counts: datasetCounts(report),
    issues: report.issues.length,
    dropped: report.dropped.length,
    skipped: Object.values(report.skipped).reduce((sum, n) => sum + n, 0),
  });
  return report;
}

/** Per kind of record, what the import read, created, updated, left unchanged and rejected. */
function datasetCounts(report: ImportReport): DatasetCounts {
  return recordKinds.map((kind) => ({
    kind,
    read: report.read[kind],
    created: report.written[kind]?.created ?? 0,
    updated: report.written[kind]?.updated ?? 0,
    unchanged: report.written[kind]?.unchanged ?? 0,
    rejected: report.rejected[kind],
  }));
}

/**
 * A batch as it is written: actors under the ids they were recognised as, several descriptions
 * of one actor merged, and records whose references point at nothing left out (already reported).
 */
function asWritten(
  batch: RecordBatch,
  identities: ActorIdentities,
  descriptions: ActorDescriptions,
  references: ReferenceIndex,
): KindBatch {
  switch (batch.kind) {
    case 'actors':
      return {
        kind: 'actors',
        records: descriptions.add(batch.records).filter((a) => references.keepsActor(a.id)),
      };
    case 'campaigns':
      return {
        kind: 'campaigns',
        records: batch.records
          .map((campaign) => identities.renameCampaign(campaign))
          .filter((campaign) => references.keepsCampaign(campaign.id)),
      };
    case 'incidents':
      return {
        kind: 'incidents',
        records: batch.records
          .map((incident) => identities.renameIncident(incident))
          .filter((incident) => !references.incidentProblem(incident)),
      };
    default:
      return batch;
  }
}
