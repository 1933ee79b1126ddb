import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import { sourceIdOf } from '../import/records.js';
import type { IncidentConditions } from '../repositories/incident-filter.js';
import { each, type ExportReader } from './export-reader.js';
import type { ProblemSink } from './export-report.js';
import { nothingExported, type ExportCounts } from './native-export.js';
import { put } from './output.js';
import { exportScope } from './scope.js';
import {
  actorObjects,
  campaignObjects,
  countryObject,
  incidentObjects,
  incompleteNote,
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
}

/**
 * The graph (or the filtered part, as in the JSON export) as one STIX 2.1 bundle, streamed: each
 * batch of incidents or actors is written with its relationships and the sources it cites (looked
 * up per batch); the sectors and countries referred to are gathered by key and written last.
 * When the graph held something the export left out, a `note` on the producer, last, lists it.
 */
export async function writeStixExport(
  reader: ExportReader,
  filter: IncidentConditions,
  out: Writable,
  options: StixExportOptions = {},
): Promise<ExportCounts> {
  const { taxonomy } = reader;
  const timestamp = (options.now ?? new Date()).toISOString();
  const scope = await exportScope(reader, filter);
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
  /** The sources a batch cites, read together; each counted, and its problems reported, once. */
  const lookupFor = async (urls: string[]): Promise<SourceLookup> => {
    const ids = new Set(urls.map(sourceIdOf));
    const firstCited = new Set([...ids].filter((id) => !sources.has(id)));
    ids.forEach((id) => sources.add(id));
    const found = new Map<string, SourceRef>();
    const reportFirstCited: ProblemSink = (problem) => {
      if (firstCited.has(problem.key)) reader.report.add(problem);
    };
    for await (const row of each(reader.sources(ids, reportFirstCited))) {
      const p = row.props;
      found.set(String(p.url), {
        url: String(p.url),
        title: typeof p.title === 'string' ? p.title : null,
        publisher: typeof p.publisher === 'string' ? p.publisher : null,
      });
    }
    return (url) => found.get(url);
  };

  const bundleId = `bundle--${randomUUID()}`;
  await put(out, `{\n  "type": "bundle",\n  "id": "${bundleId}",\n  "objects": [`);
  await write(preamble(timestamp));

  for await (const rows of reader.incidents(filter)) {
    const lookup = await lookupFor(
      rows.flatMap((i) => [
        ...i.sourceUrls,
        ...i.impactSourceUrls,
        ...i.claims.flatMap((c) => c.sourceUrls),
      ]),
    );
    for (const row of rows) {
      row.sectorIds.forEach((s) => sectors.add(s));
      row.countries.forEach((c) => countries.add(c.iso2));
      await write(incidentObjects(row, timestamp, lookup));
      counts.incidents += 1;
    }
  }

  const exportedActor = (id: string) => scope.actors === null || scope.actors.has(id);
  for await (const rows of reader.actors(scope.actors)) {
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

  for await (const rows of reader.campaigns(scope.campaigns)) {
    const lookup = await lookupFor(rows.flatMap((c) => c.claims.flatMap((a) => a.sourceUrls)));
    for (const row of rows) {
      await write(campaignObjects(row, timestamp, lookup));
      counts.campaigns += 1;
    }
  }

  const industryOf = (sectorId: string) =>
    taxonomy.sectors.find((s) => s.id === sectorId)?.stixIndustry;
  for await (const row of each(reader.organizations(scope.organizations))) {
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
  if (reader.report.count > 0)
    await write([incompleteNote(bundleId, reader.report.summary, timestamp)]);
  await put(out, '\n  ]\n}\n');
  return counts;
}
