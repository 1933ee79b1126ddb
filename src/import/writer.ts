import { createHash } from 'node:crypto';
import type { Executor } from '../db/database.js';
import {
  LINK_AFFILIATIONS,
  UPSERT_ACTORS,
  UPSERT_CAMPAIGNS,
  UPSERT_COUNTRIES,
  UPSERT_INCIDENTS,
  UPSERT_ORGANIZATIONS,
  UPSERT_SECTORS,
  UPSERT_SOURCES,
  type OutcomeRow,
} from '../repositories/import-repository.js';
import type { CypherQuery } from '../db/database.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { GraphRecords, IncidentRecord } from './records.js';

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export type WrittenKind = 'sectors' | 'countries' | keyof GraphRecords;
export type WriteSummary = Partial<Record<WrittenKind, Counts>>;

export interface WriteOptions {
  /** Records per transaction. */
  batchSize: number;
  /** Called after every committed batch. */
  onBatch?: (kind: WrittenKind, written: number) => void;
}

/** Drops null and undefined values, so a source that does not know a field leaves it alone. */
function present<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== null && v !== undefined),
  ) as Partial<T>;
}

async function inBatches(
  executor: Executor,
  kind: WrittenKind,
  query: CypherQuery<OutcomeRow>,
  rows: readonly object[],
  options: WriteOptions,
): Promise<Counts> {
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  for (let start = 0; start < rows.length; start += options.batchSize) {
    const batch = rows.slice(start, start + options.batchSize);
    for (const { outcome, count } of await executor.write(query, { rows: batch }))
      counts[outcome] += count;
    options.onBatch?.(kind, batch.length);
  }
  return counts;
}

/** The sector tree and every ISO country: reference data every other record links to. */
export async function writeTaxonomy(
  executor: Executor,
  taxonomy: Taxonomy,
  options: WriteOptions,
): Promise<WriteSummary> {
  const sectors = taxonomy.sectors.map(({ parentId, ...props }) => ({
    id: props.id,
    parentId,
    props: present(props),
  }));
  return {
    sectors: await inBatches(executor, 'sectors', UPSERT_SECTORS, sectors, options),
    countries: await inBatches(
      executor,
      'countries',
      UPSERT_COUNTRIES,
      taxonomy.countries.map(present),
      options,
    ),
  };
}

/**
 * A claim's id, from what makes it this claim (incident, actor, who claimed it, on what basis,
 * when): importing the same claim again gives it the same id, so links to it survive re-imports.
 */
function importedClaimId(
  incidentId: string,
  actorId: string,
  claim: { basis: string; claimedBy: string | null; assessedAt: string | null },
): string {
  const identity = [incidentId, actorId, claim.basis, claim.claimedBy, claim.assessedAt].join('|');
  return `claim-${createHash('sha256').update(identity).digest('hex').slice(0, 20)}`;
}

function incidentRow(incident: IncidentRecord) {
  const {
    startDate,
    endDate,
    sectorIds,
    countries,
    organizationIds,
    campaignId,
    sourceIds,
    attributions,
    ...scalars
  } = incident;
  // A hash of the whole record, so a change in links alone still shows as an update.
  const importSignature = createHash('sha256')
    .update(JSON.stringify(incident))
    .digest('hex')
    .slice(0, 24);
  return {
    id: incident.id,
    startDate,
    endDate,
    sectorIds,
    countries,
    organizationIds,
    campaignId,
    sourceIds,
    attributions: attributions.map(({ actorId, ...claim }) => ({
      actorId,
      props: present({ id: importedClaimId(incident.id, actorId, claim), ...claim }),
    })),
    props: present({ ...scalars, importSignature }),
  };
}

/**
 * Writes validated records in dependency order (sources before what cites them, actors before
 * attributions), each batch its own transaction: an interrupted import leaves whole records only,
 * and running it again completes it.
 */
export async function writeRecords(
  executor: Executor,
  records: GraphRecords,
  options: WriteOptions,
): Promise<WriteSummary> {
  const summary: WriteSummary = {};
  summary.sources = await inBatches(
    executor,
    'sources',
    UPSERT_SOURCES,
    records.sources.map((s) => ({ id: s.id, props: present(s) })),
    options,
  );
  summary.campaigns = await inBatches(
    executor,
    'campaigns',
    UPSERT_CAMPAIGNS,
    records.campaigns.map(({ startDate, endDate, ...props }) => ({
      id: props.id,
      startDate,
      endDate,
      props: present(props),
    })),
    options,
  );
  summary.organizations = await inBatches(
    executor,
    'organizations',
    UPSERT_ORGANIZATIONS,
    records.organizations.map(({ sectorIds, country, ...props }) => ({
      id: props.id,
      sectorIds,
      country,
      props: present(props),
    })),
    options,
  );
  summary.actors = await inBatches(
    executor,
    'actors',
    UPSERT_ACTORS,
    records.actors.map(
      ({
        aliases,
        externalIds,
        motivations,
        origin,
        sponsors,
        affiliations: _affiliations,
        targets,
        type,
        ...props
      }) => ({
        id: props.id,
        type,
        aliases,
        externalIds,
        motivations,
        origin,
        sponsors,
        targets,
        props: present(props),
      }),
    ),
    options,
  );
  const affiliations = records.actors.flatMap((a) =>
    a.affiliations.map((f) => ({ id: a.id, actorId: f.actorId, kind: f.kind })),
  );
  for (let start = 0; start < affiliations.length; start += options.batchSize) {
    await executor.write(LINK_AFFILIATIONS, {
      rows: affiliations.slice(start, start + options.batchSize),
    });
  }
  summary.incidents = await inBatches(
    executor,
    'incidents',
    UPSERT_INCIDENTS,
    records.incidents.map(incidentRow),
    options,
  );
  return summary;
}
