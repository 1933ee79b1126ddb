import type { Executor } from '../db/database.js';
import { actorIdentities, findExistingIds } from '../repositories/import-repository.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { resolveActorIdentities } from './actor-identity.js';
import { checkReferences, type KnownIds } from './references.js';
import {
  recordKinds,
  type GraphRecords,
  type ImportIssue,
  type ReadResult,
  type RecordKind,
} from './records.js';
import { writeRecords, writeTaxonomy, type WriteSummary, type WrittenKind } from './writer.js';

export interface ImportOptions {
  /** Validate and report; write nothing. */
  dryRun: boolean;
  /** Any bad record rejects the whole import before anything is written. */
  strict: boolean;
  batchSize: number;
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
  /** Whether anything was written (false for dry runs and strict rejections). */
  wrote: boolean;
}

const countByKind = (records: GraphRecords): Record<RecordKind, number> =>
  Object.fromEntries(recordKinds.map((k) => [k, records[k].length])) as Record<RecordKind, number>;

/** Several files read as one import (the seeds): references may cross files. */
export function combineReads(results: ReadResult[]): ReadResult {
  const combined: ReadResult = {
    records: { sources: [], actors: [], campaigns: [], organizations: [], incidents: [] },
    issues: [],
    locations: new Map(),
    skipped: {},
    notes: [],
  };
  for (const result of results) {
    for (const kind of recordKinds)
      (combined.records[kind] as unknown[]).push(...result.records[kind]);
    combined.issues.push(...result.issues);
    for (const [key, value] of result.locations) combined.locations.set(key, value);
    combined.notes.push(...result.notes);
    for (const [reason, n] of Object.entries(result.skipped))
      combined.skipped[reason] = (combined.skipped[reason] ?? 0) + n;
  }
  return combined;
}

/**
 * The steps every format shares once a reader has turned a file into records: recognise known
 * actors, check references against the import and the database, then write — or, for a dry run or
 * a strict import with problems, write nothing and say why.
 */
export async function runImport(
  executor: Executor,
  taxonomy: Taxonomy,
  files: string[],
  read: ReadResult,
  options: ImportOptions,
): Promise<ImportReport> {
  const readCounts = countByKind(read.records);
  const { records } = read;
  const identity = resolveActorIdentities(records, await actorIdentities(executor));
  const known = await knownIds(executor, records);
  const locate = (kind: string, id: string): string => read.locations.get(`${kind}:${id}`) ?? kind;
  const referenceIssues = checkReferences(records, known, { file: files.join(', '), locate });
  const issues = [...read.issues, ...referenceIssues];

  const rejected = Object.fromEntries(recordKinds.map((k) => [k, 0])) as Record<RecordKind, number>;
  const rejectedKeys = new Set<string>();
  for (const issue of issues) {
    const key = `${issue.kind ?? ''}|${issue.file}|${issue.location}`;
    if (issue.kind && !rejectedKeys.has(key)) {
      rejectedKeys.add(key);
      rejected[issue.kind] += 1;
    }
  }

  const report: ImportReport = {
    files,
    read: readCounts,
    written: {},
    rejected,
    skipped: read.skipped,
    issues,
    notes: [...read.notes, ...identity.notes],
    wrote: false,
  };
  if (options.dryRun || (options.strict && issues.length > 0)) return report;

  const writeOptions = {
    batchSize: options.batchSize,
    ...(options.onBatch ? { onBatch: options.onBatch } : {}),
  };
  report.written = {
    ...(await writeTaxonomy(executor, taxonomy, writeOptions)),
    ...(await writeRecords(executor, records, writeOptions)),
  };
  report.wrote = true;
  return report;
}

async function knownIds(executor: Executor, records: GraphRecords): Promise<KnownIds> {
  const wanted = {
    actors: [
      ...new Set(
        records.incidents
          .flatMap((i) => i.attributions.map((a) => a.actorId))
          .concat(records.actors.flatMap((a) => a.affiliations.map((f) => f.actorId))),
      ),
    ],
    campaigns: [...new Set(records.incidents.flatMap((i) => (i.campaignId ? [i.campaignId] : [])))],
    organizations: [...new Set(records.incidents.flatMap((i) => i.organizationIds))],
    sources: [
      ...new Set([
        ...records.incidents.flatMap((i) => [
          ...i.sourceIds,
          ...i.attributions.flatMap((a) => a.sourceIds),
        ]),
        ...records.actors.flatMap((a) =>
          [a.origin, ...a.sponsors, a.targets].flatMap((c) => c?.sourceIds ?? []),
        ),
      ]),
    ],
  };
  const known: KnownIds = {
    actors: new Set(),
    campaigns: new Set(),
    organizations: new Set(),
    sources: new Set(),
  };
  for (const { kind, id } of await findExistingIds(executor, wanted))
    known[kind as keyof KnownIds].add(id);
  return known;
}
