import type { Executor } from '../db/database.js';
import type { IncidentConditions } from '../repositories/incident-filter.js';
import {
  actorBatches,
  batchesOf,
  campaignBatches,
  incidentBatches,
  organizationBatches,
  sourceBatches,
  type BatchStatement,
} from '../repositories/export-repository.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { ExportReport, ProblemSink } from './export-report.js';
import {
  rowChecks,
  type ExportActor,
  type ExportCampaign,
  type ExportEntity,
  type ExportIncident,
  type ExportOrganization,
  type RowChecks,
} from './row-checks.js';

/** Rows per read: one batch is in memory at a time. */
const BATCH = 500;

/** A scope's keys of one kind, or null for all of them. */
export type Keys = Set<string> | null;

/**
 * What one export reads, a batch at a time, every row checked (row-checks.ts) before an exporter
 * sees it: the problems go to the export's report, or, for a pass over rows already reported, to
 * the sink given instead.
 */
export class ExportReader {
  readonly #checks: RowChecks;

  constructor(
    readonly executor: Executor,
    readonly taxonomy: Taxonomy,
    readonly report: ExportReport,
  ) {
    this.#checks = rowChecks(taxonomy);
  }

  incidents(filter: IncidentConditions, sink = this.report.add): AsyncGenerator<ExportIncident[]> {
    return this.#checked(incidentBatches(filter), (row) => this.#checks.incident(row, sink));
  }

  actors(only: Keys, sink = this.report.add): AsyncGenerator<ExportActor[]> {
    return this.#checked(actorBatches(listed(only)), (row) => this.#checks.actor(row, sink));
  }

  campaigns(only: Keys, sink = this.report.add): AsyncGenerator<ExportCampaign[]> {
    return this.#checked(campaignBatches(listed(only)), (row) => this.#checks.campaign(row, sink));
  }

  organizations(only: Keys, sink = this.report.add): AsyncGenerator<ExportOrganization[]> {
    return this.#checked(organizationBatches(listed(only)), (row) =>
      this.#checks.organization(row, sink),
    );
  }

  sources(only: Keys, sink: ProblemSink = this.report.add): AsyncGenerator<ExportEntity[]> {
    return this.#checked(sourceBatches(listed(only)), (row) => this.#checks.source(row, sink));
  }

  async *#checked<Row extends { key: string }, Checked>(
    batches: BatchStatement<Row>,
    check: (row: Row) => Checked | undefined,
  ): AsyncGenerator<Checked[]> {
    for await (const rows of batchesOf(this.executor, batches, BATCH)) {
      const kept = rows.map(check).filter((row): row is Checked => row !== undefined);
      if (kept.length > 0) yield kept;
    }
  }
}

/** A scope's keys as a list, or null for all of them. */
const listed = (keys: Keys) => (keys ? [...keys] : null);

/** The rows of batches one by one. */
export async function* each<Row>(batches: AsyncIterable<Row[]>): AsyncGenerator<Row> {
  for await (const rows of batches) yield* rows;
}
