import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Executor } from '../db/database.js';
import { storedPartialDate } from '../domain/partial-date.js';
import { sourceIdOf } from '../import/records.js';
import type { IncidentConditions } from '../repositories/incident-filter.js';
import {
  ACTOR_BATCH,
  CAMPAIGN_BATCH,
  incidentBatch,
  inBatches,
  ORGANIZATION_BATCH,
  SOURCE_BATCH,
  type StoredActor,
  type StoredIncident,
  type StoredOrganization,
  type StoredStateTie,
} from '../repositories/export-repository.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { exportScope, onlyParam, type Scope } from './scope.js';
import { put } from './output.js';

type Cell = string | number | boolean | null | undefined;
type Rows = AsyncGenerator<Cell[]>;

interface Context {
  executor: Executor;
  filter: IncidentConditions;
  scope: Scope;
  sectorName: (id: string) => string;
  countryName: (code: string) => string;
}

const list = (value: unknown): string => (Array.isArray(value) ? value.join('; ') : '');
const cell = (value: unknown): Cell =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : null;

async function* eachIncident(ctx: Context, rows: (i: StoredIncident) => Cell[][]): Rows {
  const { query, params } = incidentBatch(ctx.filter);
  for await (const i of inBatches(ctx.executor, query, params, 500)) yield* rows(i);
}
async function* eachActor(ctx: Context, rows: (a: StoredActor) => Cell[][]): Rows {
  for await (const a of inBatches(ctx.executor, ACTOR_BATCH, onlyParam(ctx.scope.actors), 500))
    yield* rows(a);
}
async function* eachOrganization(ctx: Context, rows: (o: StoredOrganization) => Cell[][]): Rows {
  for await (const o of inBatches(
    ctx.executor,
    ORGANIZATION_BATCH,
    onlyParam(ctx.scope.organizations),
    500,
  ))
    yield* rows(o);
}

/** An actor's claims of one tie to states (origins or sponsors), one row each. */
const stateTies = (ties: (a: StoredActor) => StoredStateTie[]) => ({
  columns: ['actor_id', 'actor_name', 'country_code', 'country_name', 'confidence', 'source_urls'],
  rows: (ctx: Context) =>
    eachActor(ctx, (a) =>
      ties(a).map((t) => [
        cell(a.props.id),
        cell(a.props.name),
        t.country,
        ctx.countryName(t.country),
        t.confidence,
        list(t.sourceUrls),
      ]),
    ),
});

/**
 * One CSV file per entity and per relationship, each relationship with the names of both ends so
 * that a spreadsheet reads without joins; lists inside a cell are separated by "; ".
 */
export const csvTables: Record<string, { columns: string[]; rows: (ctx: Context) => Rows }> = {
  incidents: {
    columns: [
      'id',
      'title',
      'start_date',
      'end_date',
      'attack_types',
      'objective',
      'campaign_id',
      'campaign_name',
      'disruption_days',
      'records_affected',
      'ransom_demanded_usd',
      'ransom_paid_usd',
      'external_ids',
      'description',
    ],
    rows: (ctx) =>
      eachIncident(ctx, (i) => [
        [
          i.props.id,
          i.props.title,
          storedPartialDate(i.props.startDate, i.props.datePrecision),
          storedPartialDate(i.props.endDate, i.props.endPrecision ?? i.props.datePrecision),
          list(i.props.attackTypes),
          i.props.objective,
          i.campaignId,
          i.campaignName,
          i.props.disruptionDays,
          i.props.recordsAffected,
          i.props.ransomDemandedUsd,
          i.props.ransomPaidUsd,
          list(i.props.externalIds),
          i.props.description,
        ].map(cell),
      ]),
  },
  incident_sectors: {
    columns: ['incident_id', 'incident_title', 'sector_id', 'sector_name'],
    rows: (ctx) =>
      eachIncident(ctx, (i) =>
        i.sectorIds.map((s) => [cell(i.props.id), cell(i.props.title), s, ctx.sectorName(s)]),
      ),
  },
  incident_countries: {
    columns: ['incident_id', 'incident_title', 'country_code', 'country_name', 'primary'],
    rows: (ctx) =>
      eachIncident(ctx, (i) =>
        i.countries.map((c) => [
          cell(i.props.id),
          cell(i.props.title),
          c.iso2,
          ctx.countryName(c.iso2),
          c.primary,
        ]),
      ),
  },
  incident_organizations: {
    columns: ['incident_id', 'incident_title', 'organization_id', 'organization_name'],
    rows: (ctx) =>
      eachIncident(ctx, (i) =>
        i.organizationIds.map((o, n) => [
          cell(i.props.id),
          cell(i.props.title),
          o,
          i.organizationNames[n],
        ]),
      ),
  },
  incident_sources: {
    columns: ['incident_id', 'incident_title', 'source_id', 'source_url'],
    rows: (ctx) =>
      eachIncident(ctx, (i) =>
        i.sourceUrls.map((u) => [cell(i.props.id), cell(i.props.title), sourceIdOf(u), u]),
      ),
  },
  attributions: {
    columns: [
      'claim_id',
      'incident_id',
      'incident_title',
      'actor_id',
      'actor_name',
      'confidence',
      'basis',
      'status',
      'claimed_by',
      'assessed_at',
      'source_urls',
    ],
    rows: (ctx) =>
      eachIncident(ctx, (i) =>
        i.claims.map((c) =>
          [
            c.id,
            i.props.id,
            i.props.title,
            c.actorId,
            c.actorName,
            c.confidence,
            c.basis,
            c.status,
            c.claimedBy,
            c.assessedAt,
            list(c.sourceUrls),
          ].map(cell),
        ),
      ),
  },
  actors: {
    columns: [
      'id',
      'name',
      'type',
      'aliases',
      'motivations',
      'first_seen',
      'last_seen',
      'external_ids',
      'description',
    ],
    rows: (ctx) =>
      eachActor(ctx, (a) => [
        [
          a.props.id,
          a.props.name,
          a.props.type,
          list(a.props.aliases),
          list(a.props.motivations),
          a.props.firstSeen,
          a.props.lastSeen,
          list(a.props.externalIds),
          a.props.description,
        ].map(cell),
      ]),
  },
  actor_origins: stateTies((a) => a.origins),
  actor_sponsors: stateTies((a) => a.sponsors),
  actor_affiliations: {
    columns: ['actor_id', 'actor_name', 'kind', 'other_actor_id', 'other_actor_name'],
    rows: (ctx) =>
      eachActor(ctx, (a) =>
        a.affiliations.map((f) => [
          cell(a.props.id),
          cell(a.props.name),
          f.kind,
          f.actorId,
          f.actorName,
        ]),
      ),
  },
  actor_reported_targets: {
    columns: [
      'actor_id',
      'actor_name',
      'target_type',
      'target_id',
      'target_name',
      'confidence',
      'source_urls',
    ],
    rows: (ctx) =>
      eachActor(ctx, (a) => [
        ...a.targetSectors.map((t) => [
          cell(a.props.id),
          cell(a.props.name),
          'sector',
          t.id,
          ctx.sectorName(t.id),
          t.confidence,
          list(t.sourceUrls),
        ]),
        ...a.targetCountries.map((t) => [
          cell(a.props.id),
          cell(a.props.name),
          'country',
          t.id,
          ctx.countryName(t.id),
          t.confidence,
          list(t.sourceUrls),
        ]),
      ]),
  },
  campaigns: {
    columns: ['id', 'name', 'start_date', 'end_date', 'description'],
    rows: async function* (ctx) {
      for await (const c of inBatches(
        ctx.executor,
        CAMPAIGN_BATCH,
        onlyParam(ctx.scope.campaigns),
        500,
      ))
        yield [
          c.props.id,
          c.props.name,
          storedPartialDate(c.props.startDate, c.props.startPrecision),
          storedPartialDate(c.props.endDate, c.props.endPrecision),
          c.props.description,
        ].map(cell);
    },
  },
  organizations: {
    columns: ['id', 'name', 'country_code', 'country_name'],
    rows: (ctx) =>
      eachOrganization(ctx, (o) => [
        [
          cell(o.props.id),
          cell(o.props.name),
          o.country,
          o.country ? ctx.countryName(o.country) : null,
        ],
      ]),
  },
  organization_sectors: {
    columns: ['organization_id', 'organization_name', 'sector_id', 'sector_name'],
    rows: (ctx) =>
      eachOrganization(ctx, (o) =>
        o.sectorIds.map((s) => [cell(o.props.id), cell(o.props.name), s, ctx.sectorName(s)]),
      ),
  },
  sources: {
    columns: ['id', 'url', 'title', 'publisher', 'published_at'],
    rows: async function* (ctx) {
      for await (const s of inBatches(
        ctx.executor,
        SOURCE_BATCH,
        onlyParam(ctx.scope.sources),
        500,
      ))
        yield [s.props.id, s.props.url, s.props.title, s.props.publisher, s.props.publishedAt].map(
          cell,
        );
    },
  },
};

export const csvTableNames = Object.keys(csvTables);

/** A context for the tables of one export: its scope is gathered once and shared. */
export async function csvContext(
  executor: Executor,
  filter: IncidentConditions,
  taxonomy: Taxonomy,
): Promise<Context> {
  const sectors = new Map(taxonomy.sectors.map((s) => [s.id, s.name]));
  const countries = new Map(taxonomy.countries.map((c) => [c.iso2, c.name]));
  return {
    executor,
    filter,
    scope: await exportScope(executor, filter, 500),
    sectorName: (id) => sectors.get(id) ?? id,
    countryName: (code) => countries.get(code) ?? code,
  };
}

/** One table as CSV (RFC 4180 quoting, a header row), streamed. */
export async function writeCsvTable(ctx: Context, table: string, out: Writable): Promise<number> {
  const definition = csvTables[table];
  if (!definition) throw new Error(`no CSV table "${table}"`);
  await put(out, stringify([definition.columns]));
  let count = 0;
  for await (const row of definition.rows(ctx)) {
    await put(out, stringify([row]));
    count += 1;
  }
  return count;
}
