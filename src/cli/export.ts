import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Logger } from 'pino';
import type { IncidentFilter } from '../__generated__/resolvers-types.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { exporters, type ExportFormat } from '../export/formats.js';
import { incidentConditions } from '../graphql/filters.js';
import { loadTaxonomy } from '../taxonomy/taxonomy.js';

export interface ExportCommandOptions {
  format: ExportFormat;
  out?: string;
  from?: string;
  to?: string;
  sector?: string[];
  country?: string[];
  actor?: string[];
  attackType?: string[];
}

/** The command line's filter flags as the API's IncidentFilter: one filter, one meaning. */
export function filterOf(options: ExportCommandOptions): IncidentFilter {
  return {
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    ...(options.sector ? { sectorIds: options.sector } : {}),
    ...(options.country ? { countryCodes: options.country } : {}),
    ...(options.actor ? { actorIds: options.actor } : {}),
    ...(options.attackType ? { attackTypes: options.attackType } : {}),
  };
}

/** `cig export`: the graph, or the filtered part of it, to a file or stdout, streamed. */
export async function exportCommand(
  options: ExportCommandOptions,
  config: Config,
  log: Logger,
): Promise<number> {
  const taxonomy = loadTaxonomy();
  const filter = incidentConditions(filterOf(options), taxonomy, 'filter');
  const opened = await openDatabase(config, log, { migrate: false });
  const out = options.out ? createWriteStream(options.out) : process.stdout;
  try {
    const counts = await exporters[options.format].write(
      opened.database.executor('export'),
      filter,
      taxonomy,
      out,
    );
    if (options.out) {
      out.end();
      await finished(out);
    }
    process.stderr.write(
      `Exported ${Object.entries(counts)
        .map(([kind, n]) => `${n} ${kind}`)
        .join(', ')}${options.out ? ` to ${options.out}` : ''}.\n`,
    );
    return 0;
  } finally {
    await opened.close();
  }
}
