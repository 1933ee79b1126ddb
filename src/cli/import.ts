import { open, rm, type FileHandle } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { datasetName } from '../import/dataset-name.js';
import type { ImportFormat } from '../import/formats.js';
import { ImportInputError } from '../import/input-error.js';
import { openImportInput } from '../import/read-file.js';
import { formatIssue, recordKinds } from '../import/records.js';
import { importReportText } from '../import/report-text.js';
import { runImport } from '../import/run-import.js';
import { loadSeeds } from '../import/seeds.js';
import { loadTaxonomy } from '../taxonomy/taxonomy.js';

export interface ImportCommandOptions {
  format?: ImportFormat;
  mapping?: string;
  /** EuRepoC companion files (`--with`). */
  with: string[];
  encoding?: string;
  datasetName?: string;
  includeRevoked: boolean;
  dryRun: boolean;
  strict: boolean;
  batchSize: number;
  maxIssues: number;
  /** Where to write the whole report as JSON. */
  report?: string;
}

/**
 * Exit codes: 0 all good, 2 some records were rejected (the rest written unless strict/dry run).
 * A file that cannot be imported at all throws, for exit code 1.
 */
export async function importCommand(
  file: string,
  options: ImportCommandOptions,
  config: Config,
  log: Logger,
): Promise<number> {
  const taxonomy = loadTaxonomy();
  const started = performance.now();
  const dataset = datasetName(file, options.datasetName);
  const { format, input } = await openImportInput(file, taxonomy, {
    ...(options.format ? { format: options.format } : {}),
    ...(options.mapping ? { mappingFile: options.mapping } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
    companions: options.with,
    includeRevoked: options.includeRevoked,
  });

  // Opened before the import, so a report that cannot be written stops it before anything is.
  const reportFile = options.report ? await ReportFile.open(options.report) : undefined;
  const db = await openDatabase(config, log, { migrate: true }).catch(async (error: unknown) => {
    await reportFile?.close();
    throw error;
  });
  let toWrite = 0;
  let progress: Progress | undefined;
  try {
    process.stderr.write(`Reading and checking ${file} (${format})…\n`);
    const report = await runImport(db.database.executor('import'), taxonomy, input, {
      dryRun: options.dryRun,
      strict: options.strict,
      batchSize: options.batchSize,
      dataset: { ...dataset, format },
      onChecked: (checked) => {
        const total = recordKinds.reduce((sum, kind) => sum + checked.read[kind], 0);
        process.stderr.write(`Read ${total} records from ${file} (${format}).\n`);
        toWrite = checked.toWrite;
      },
      onBatch: (kind, written) => {
        if (kind === 'sectors' || kind === 'countries') return;
        // Started at the first write, so the rate and ETA are the writing's alone.
        progress ??= createProgress(toWrite);
        progress.advance(kind, written);
      },
    });
    progress?.stop();
    await reportFile?.write({ format, ...report });
    // A file that cannot be read as a whole is not an import with rejected records: it never ran.
    if (!report.readable) throw new ImportInputError(report.issues.map(formatIssue).join('; '));
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `${options.dryRun ? 'Checked' : 'Imported'} ${file} (${format}) in ${seconds.toFixed(1)} s${options.dryRun ? ' (dry run)' : ''}\n`,
    );
    process.stdout.write(`${importReportText(report, { maxIssues: options.maxIssues })}\n`);
    return report.issues.length > 0 ? 2 : 0;
  } finally {
    progress?.stop();
    await reportFile?.close();
    await db.close();
  }
}

/**
 * `--report <file>`: the import's report as JSON, every problem and dropped value in it. Opened
 * before the import runs; removed again if the import stops before it has a report to write.
 */
class ReportFile {
  #written = false;
  private constructor(
    readonly path: string,
    readonly handle: FileHandle,
  ) {}

  static async open(path: string): Promise<ReportFile> {
    const handle = await open(path, 'w').catch((error: unknown) => {
      throw new ImportInputError(
        `cannot write the report ${path}: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    return new ReportFile(path, handle);
  }

  async write(report: object): Promise<void> {
    await this.handle.writeFile(`${JSON.stringify(report, null, 2)}\n`);
    this.#written = true;
  }

  async close(): Promise<void> {
    await this.handle.close();
    if (!this.#written) await rm(this.path, { force: true });
  }
}

/** `cig db seed`: the taxonomy, and the curated dataset when the database has no incidents yet. */
export async function seedCommand(config: Config, log: Logger): Promise<void> {
  const db = await openDatabase(config, log, { migrate: true });
  try {
    const outcome = await loadSeeds(db.database.executor('seed'), loadTaxonomy());
    process.stdout.write(
      outcome.loaded
        ? `Loaded the curated dataset:\n${importReportText(outcome.report, { maxIssues: 20 })}\n`
        : `Taxonomy up to date; dataset not loaded: ${outcome.reason}.\n`,
    );
  } finally {
    await db.close();
  }
}

type Progress = ReturnType<typeof createProgress>;

/**
 * A progress bar (records, rate, ETA) on a terminal; plain lines, one per tenth of the work,
 * when stderr is a file or a pipe, so logs stay readable.
 */
function createProgress(total: number) {
  const interactive = process.stderr.isTTY;
  const started = performance.now();
  let done = 0;
  let nextLine = total / 10;
  const bar = interactive
    ? new cliProgress.SingleBar(
        {
          format:
            'writing {bar} {value}/{total} records | {rate} rec/s | ETA {eta_formatted} | {kind}',
          stream: process.stderr,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(total, 0, { rate: 0, kind: '' });
  let stopped = false;
  return {
    advance(kind: string, written: number) {
      done += written;
      const rate = Math.round(done / Math.max((performance.now() - started) / 1000, 0.001));
      if (bar) {
        bar.update(done, { rate, kind });
      } else if (done >= nextLine || done === total) {
        process.stderr.write(
          `wrote ${done}/${total} records (${rate} rec/s), last batch: ${kind}\n`,
        );
        nextLine = done + total / 10;
      }
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar?.stop();
    },
  };
}
