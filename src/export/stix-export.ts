import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { Executor } from '../db/database.js';
import { sourceIdOf } from '../import/records.js';
import type { IncidentConditions } from '../repositories/incident-filter.js';
import {
  ACTOR_BATCH,
  batchesOf,
  CAMPAIGN_BATCH,
  incidentBatch,
  inBatches,
  ORGANIZATION_BATCH,
  SOURCE_BATCH,
} from '../repositories/export-repository.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { nothingExported, type ExportCounts } from './native-export.js';
import { put } from './output.js';
import { exportScope, onlyParam } from './scope.js';
import {
  actorObjects,
  campaignObject,
  countryObject,
  incidentObjects,
  organizationObjects,
  preamble,
  sectorObject,
  type SourceLookup,
  type SourceRef,
  type StixObject,
} from './stix-objects.js';

export interface StixExportOptions {
  /** The objects' created/modified time; the graph keeps no per-object timestamps to use instead. */
  now?: Date;
  batch?: number;
}

/**
 * The graph (or the filtered part, as in the JSON export) as one STIX 2.1 bundle, streamed: each
 * batch of incidents or actors is written with its relationships and the sources it cites (looked
 * up per batch); the sectors and countries referred to are gathered by key and written last.
 */
export async function writeStixExport(
  executor: Executor,
  filter: IncidentConditions,
  taxonomy: Taxonomy,
  out: Writable,
  options: StixExportOptions = {},
): Promise<ExportCounts> {
  const batch = options.batch ?? 500;
  const timestamp = (options.now ?? new Date()).toISOString();
  const scope = await exportScope(executor, filter, batch);
  const { query: incidents, params } = incidentBatch(filter);
  const counts = nothingExported();
  const sectors = new Set<string>();
  const countries = new Set<string>();
  const sources = new Set<string>();
  let first = true;
  const write = async (objects: StixObject[]) => {
    for (const object of objects) {
      await put(out, `${first ? '' : ','}\n    ${JSON.stringify(object)}`);
      first = false;
    }
  };
  /** The sources a batch cites, read in one query; each counted once per export. */
  const lookupFor = async (urls: string[]): Promise<SourceLookup> => {
    const ids = [...new Set(urls.map(sourceIdOf))];
    ids.forEach((id) => sources.add(id));
    const found = new Map<string, SourceRef>();
    for await (const row of inBatches(executor, SOURCE_BATCH, { only: ids }, batch)) {
      const p = row.props;
      found.set(String(p.url), {
        url: String(p.url),
        title: typeof p.title === 'string' ? p.title : null,
        publisher: typeof p.publisher === 'string' ? p.publisher : null,
      });
    }
    return (url) => found.get(url);
  };

  await put(out, `{\n  "type": "bundle",\n  "id": "bundle--${randomUUID()}",\n  "objects": [`);
  await write(preamble(timestamp));

  for await (const rows of batchesOf(executor, incidents, params, batch)) {
    const lookup = await lookupFor(
      rows.flatMap((i) => [...i.sourceUrls, ...i.claims.flatMap((c) => c.sourceUrls)]),
    );
    for (const row of rows) {
      row.sectorIds.forEach((s) => sectors.add(s));
      row.countries.forEach((c) => countries.add(c.iso2));
      await write(incidentObjects(row, timestamp, lookup));
      counts.incidents += 1;
    }
  }

  const exportedActor = (id: string) => scope.actors === null || scope.actors.has(id);
  for await (const rows of batchesOf(executor, ACTOR_BATCH, onlyParam(scope.actors), batch)) {
    const ties = rows.flatMap((a) => [
      ...a.origins,
      ...a.sponsors,
      ...a.targetSectors,
      ...a.targetCountries,
    ]);
    const lookup = await lookupFor(ties.flatMap((t) => t.sourceUrls));
    for (const row of rows) {
      row.targetSectors.forEach((t) => sectors.add(t.id));
      [...row.origins, ...row.sponsors].forEach((t) => countries.add(t.country));
      row.targetCountries.forEach((t) => countries.add(t.id));
      await write(actorObjects(row, timestamp, lookup, exportedActor));
      counts.actors += 1;
    }
  }

  for await (const row of inBatches(executor, CAMPAIGN_BATCH, onlyParam(scope.campaigns), batch)) {
    await write([campaignObject(row.props, timestamp)]);
    counts.campaigns += 1;
  }

  const industryOf = (sectorId: string) =>
    taxonomy.sectors.find((s) => s.id === sectorId)?.stixIndustry;
  for await (const row of inBatches(
    executor,
    ORGANIZATION_BATCH,
    onlyParam(scope.organizations),
    batch,
  )) {
    row.sectorIds.forEach((s) => sectors.add(s));
    if (row.country) countries.add(row.country);
    await write(organizationObjects(row, timestamp, industryOf));
    counts.organizations += 1;
  }

  await write(
    taxonomy.sectors.filter((s) => sectors.has(s.id)).map((s) => sectorObject(s, timestamp)),
  );
  await write(
    taxonomy.countries.filter((c) => countries.has(c.iso2)).map((c) => countryObject(c, timestamp)),
  );
  counts.sources = sources.size;
  await put(out, '\n  ]\n}\n');
  return counts;
}
