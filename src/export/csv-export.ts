import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { storedPartialDate } from '../domain/partial-date.js';
import { sourceIdOf } from '../import/records.js';
import type { IncidentConditions } from '../repositories/incident-filter.js';
import { neutralised, NEUTRALISED_CELL, type Cell } from './csv-formula.js';
import { each, type ExportReader } from './export-reader.js';
import { onlyParts, type ItemPart } from './export-report.js';
import type {
  ExportActor,
  ExportClaim,
  ExportIncident,
  ExportOrganization,
  ExportStateTie,
} from './row-checks.js';
import { exportScope, type Scope } from './scope.js';
import { put } from './output.js';

type Rows = AsyncGenerator<Cell[]>;

interface Context {
  reader: ExportReader;
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

/** What an attribution claim's row holds after the claim's id and the subject it is about. */
const CLAIM_COLUMNS = [
  'actor_id',
  'actor_name',
  'confidence',
  'basis',
  'status',
  'claimed_by',
  'assessed_at',
  'source_urls',
] as const;
const claimCells = (c: ExportClaim): unknown[] => [
  c.actorId,
  c.actorName,
  c.confidence,
  c.basis,
  c.status,
  c.claimedBy,
  c.assessedAt,
  list(c.sourceUrls),
];

/**
 * The rows of a table over one kind, its problems reported when they concern the parts the table
 * writes (an item left out is reported by every table it is missing from).
 */
async function* eachIncident(
  ctx: Context,
  parts: ItemPart[],
  rows: (i: ExportIncident) => Cell[][],
): Rows {
  for await (const i of each(
    ctx.reader.incidents(ctx.filter, onlyParts(ctx.reader.report.add, parts)),
  ))
    yield* rows(i);
}
async function* eachActor(
  ctx: Context,
  parts: ItemPart[],
  rows: (a: ExportActor) => Cell[][],
): Rows {
  for await (const a of each(
    ctx.reader.actors(ctx.scope.actors, onlyParts(ctx.reader.report.add, parts)),
  ))
    yield* rows(a);
}
async function* eachOrganization(
  ctx: Context,
  parts: ItemPart[],
  rows: (o: ExportOrganization) => Cell[][],
): Rows {
  for await (const o of each(
    ctx.reader.organizations(ctx.scope.organizations, onlyParts(ctx.reader.report.add, parts)),
  ))
    yield* rows(o);
}

/** An incident's political impact, one "measure: level" per measure. */
function politicalImpact(props: Record<string, unknown>): string[] {
  const measures = Array.isArray(props.politicalImpactMeasures)
    ? props.politicalImpactMeasures
    : [];
  const levels = Array.isArray(props.politicalImpactLevels) ? props.politicalImpactLevels : [];
  return measures.map((measure, i) => `${String(measure)}: ${String(levels[i] ?? '')}`);
}

/** An actor's claims of one tie to states (origins or sponsors), one row each. */
const stateTies = (part: ItemPart, ties: (a: ExportActor) => ExportStateTie[]) => ({
  columns: ['actor_id', 'actor_name', 'country_code', 'country_name', 'confidence', 'source_urls'],
  rows: (ctx: Context) =>
    eachActor(ctx, [part], (a) =>
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
      'regions',
      'impact_categories',
      'cyber_intensity_unweighted',
      'cyber_intensity_weighted',
      'target_multiplier',
      'functional_impact',
      'intelligence_impact',
      'political_impact',
      'economic_impact',
      'economic_impact_amount',
      'economic_impact_currency',
      'casualties',
      'impact_source_urls',
    ],
    rows: (ctx) =>
      eachIncident(ctx, ['properties', 'campaign'], (i) => [
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
          list(i.props.regions),
          list(i.props.impactCategories),
          i.props.cyberIntensityUnweighted,
          i.props.cyberIntensityWeighted,
          i.props.targetMultiplier,
          i.props.functionalImpact,
          i.props.intelligenceImpact,
          list(politicalImpact(i.props)),
          i.props.economicImpact,
          i.props.economicImpactAmount,
          i.props.economicImpactCurrency,
          i.props.casualties,
          list(i.impactSourceUrls),
        ].map(cell),
      ]),
  },
  incident_sectors: {
    columns: ['incident_id', 'incident_title', 'sector_id', 'sector_name'],
    rows: (ctx) =>
      eachIncident(ctx, ['sectors'], (i) =>
        i.sectorIds.map((s) => [cell(i.props.id), cell(i.props.title), s, ctx.sectorName(s)]),
      ),
  },
  incident_countries: {
    columns: ['incident_id', 'incident_title', 'country_code', 'country_name', 'primary'],
    rows: (ctx) =>
      eachIncident(ctx, ['countries'], (i) =>
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
      eachIncident(ctx, ['organizations'], (i) =>
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
      eachIncident(ctx, ['sources'], (i) =>
        i.sourceUrls.map((u) => [cell(i.props.id), cell(i.props.title), sourceIdOf(u), u]),
      ),
  },
  attributions: {
    columns: ['claim_id', 'incident_id', 'incident_title', ...CLAIM_COLUMNS],
    rows: (ctx) =>
      eachIncident(ctx, ['claims'], (i) =>
        i.claims.map((c) => [c.id, i.props.id, i.props.title, ...claimCells(c)].map(cell)),
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
      eachActor(ctx, ['properties'], (a) => [
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
  actor_origins: stateTies('origins', (a) => a.origins),
  actor_sponsors: stateTies('sponsors', (a) => a.sponsors),
  actor_affiliations: {
    columns: ['actor_id', 'actor_name', 'kind', 'other_actor_id', 'other_actor_name'],
    rows: (ctx) =>
      eachActor(ctx, ['affiliations'], (a) =>
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
      eachActor(ctx, ['targets'], (a) => [
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
  campaign_attributions: {
    columns: ['claim_id', 'campaign_id', 'campaign_name', ...CLAIM_COLUMNS],
    rows: async function* (ctx) {
      for await (const k of each(
        ctx.reader.campaigns(ctx.scope.campaigns, onlyParts(ctx.reader.report.add, ['claims'])),
      ))
        for (const c of k.claims)
          yield [c.id, k.props.id, k.props.name, ...claimCells(c)].map(cell);
    },
  },
  campaigns: {
    columns: ['id', 'name', 'start_date', 'end_date', 'description'],
    rows: async function* (ctx) {
      for await (const c of each(
        ctx.reader.campaigns(ctx.scope.campaigns, onlyParts(ctx.reader.report.add, ['properties'])),
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
      eachOrganization(ctx, ['properties', 'countries'], (o) => [
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
      eachOrganization(ctx, ['sectors'], (o) =>
        o.sectorIds.map((s) => [cell(o.props.id), cell(o.props.name), s, ctx.sectorName(s)]),
      ),
  },
  sources: {
    columns: ['id', 'url', 'title', 'publisher', 'published_at'],
    rows: async function* (ctx) {
      for await (const s of each(ctx.reader.sources(ctx.scope.sources)))
        yield [s.props.id, s.props.url, s.props.title, s.props.publisher, s.props.publishedAt].map(
          cell,
        );
    },
  },
};

export const csvTableNames = Object.keys(csvTables);

/** A context for the tables of one export: its scope is gathered once and shared. */
export async function csvContext(
  reader: ExportReader,
  filter: IncidentConditions,
): Promise<Context> {
  const sectors = new Map(reader.taxonomy.sectors.map((s) => [s.id, s.name]));
  const countries = new Map(reader.taxonomy.countries.map((c) => [c.iso2, c.name]));
  return {
    reader,
    filter,
    scope: await exportScope(reader, filter),
    sectorName: (id) => sectors.get(id) ?? id,
    countryName: (code) => countries.get(code) ?? code,
  };
}

/**
 * One table as CSV (RFC 4180 quoting, a header row), streamed; a text cell that a spreadsheet
 * would run as a formula is neutralised (csv-formula.ts). Its problems go to the export's report.
 */
export async function writeCsvTable(ctx: Context, table: string, out: Writable): Promise<number> {
  const definition = csvTables[table];
  if (!definition) throw new Error(`no CSV table "${table}"`);
  await put(out, stringify([definition.columns]));
  let count = 0;
  for await (const row of definition.rows(ctx)) {
    await put(out, stringify([row.map(neutralised)], { quoted_match: NEUTRALISED_CELL }));
    count += 1;
  }
  return count;
}
