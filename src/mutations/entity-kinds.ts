import type { Transaction } from '../db/database.js';
import { storedPartialDate } from '../domain/partial-date.js';
import type {
  ActorRecord,
  CampaignRecord,
  IncidentRecord,
  OrganizationRecord,
  SourceRecord,
} from '../import/records.js';
import { slugify } from '../import/slug.js';
import { lockReferences } from '../repositories/reference-repository.js';
import type {
  EditableLabel,
  EntityLinks,
  EntityProps,
} from '../repositories/entity-write-repository.js';
import type {
  ActorRow,
  CampaignRow,
  IncidentRow,
  OrganizationRow,
  SourceRow,
} from '../repositories/rows.js';
import { missingReferences, type FieldProblem } from './validation.js';

/**
 * How each editable entity maps between the API's input, the native dataset format (which
 * validates it) and what is stored. Everything else about editing is the same for all of them.
 */
export interface EntityKind<Native extends object, Stored, Row> {
  /** Never set: carries the row type the GraphQL type resolves from. */
  readonly __row?: Row;
  label: EditableLabel;
  collection: 'actors' | 'campaigns' | 'organizations' | 'sources' | 'incidents';
  /** The input's fields as the native format names them; `key` is an existing entity's. */
  fromInput(input: Record<string, unknown>, key?: string): Native;
  /** Native field → input field, for error messages. */
  fieldNames: Record<string, string>;
  /** The stored entity in the native format, for a patch to be merged into. */
  toNative(props: EntityProps, links: EntityLinks): Native;
  toStored(record: Stored): { props: EntityProps; links: EntityLinks };
  /** Fields that are the entity's identity: a patch may not change them. */
  fixed: string[];
  /** Why it cannot be deleted while `count` things still refer to it, and what to do. */
  inUse(count: number): string;
  /**
   * Checks what the input links to (sources, organizations, campaign) exists, locking it until the
   * write commits, and puts the references in the native format's terms (a source by its URL).
   * Kinds without links have none.
   */
  references?(
    tx: Transaction,
    input: Record<string, unknown>,
    argument: string,
  ): Promise<{ input: Record<string, unknown>; problems: FieldProblem[] }>;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;
const list = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);
/** Drops absent values, so the native schema sees them as left out. */
const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
/** An input with its entity's key: the existing one, the one it names, or one made from its name. */
const keyed = (input: Record<string, unknown>, existing?: string): Record<string, unknown> => {
  const { key, ...rest } = input;
  return defined({ id: existing ?? key ?? slugify(text(rest.name) ?? ''), ...rest });
};

/** The actor's own properties: what an actor edit reads, validates and writes. */
const actorFields = [
  'id',
  'name',
  'aliases',
  'type',
  'motivations',
  'description',
  'firstSeen',
  'lastSeen',
  'externalIds',
] as const;
const pick = (value: object, keys: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(keys.map((k) => [k, (value as Record<string, unknown>)[k]]));

export const actorKind: EntityKind<Record<string, unknown>, ActorRecord, ActorRow> = {
  label: 'Actor',
  collection: 'actors',
  fieldNames: { id: 'key' },
  fromInput: keyed,
  toNative: (p) => defined(pick(p, actorFields)),
  toStored: (r) => ({ props: pick(r, actorFields) as EntityProps, links: {} }),
  fixed: ['id'],
  inUse: (n) =>
    `${n} attribution claims or hypotheses name it and are kept for the record: retract them or merge the actor into another`,
};

export const campaignKind: EntityKind<Record<string, unknown>, CampaignRecord, CampaignRow> = {
  label: 'Campaign',
  collection: 'campaigns',
  fieldNames: { id: 'key' },
  fromInput: keyed,
  toNative: (p) =>
    defined({
      id: p.id,
      name: p.name,
      description: p.description,
      startDate: storedPartialDate(p.startDate, p.startPrecision),
      endDate: storedPartialDate(p.endDate, p.endPrecision),
    }),
  // Claims about who ran it come from imports only; an edit leaves them as they are.
  toStored: ({ attributions: _claims, ...r }) => ({ props: { ...r }, links: {} }),
  fixed: ['id'],
  inUse: (n) => `${n} incidents are part of it: unlink them from the campaign first`,
};

export const organizationKind: EntityKind<
  Record<string, unknown>,
  OrganizationRecord,
  OrganizationRow
> = {
  label: 'Organization',
  collection: 'organizations',
  fieldNames: { id: 'key', sectors: 'sectorIds' },
  fromInput: (input, existing) => {
    const { sectorIds, ...rest } = keyed(input, existing);
    return defined({ ...rest, sectors: sectorIds });
  },
  toNative: (p, l) =>
    defined({ id: p.id, name: p.name, sectors: list(l.sectorIds), country: l.country }),
  toStored: (r) => ({
    props: { id: r.id, name: r.name },
    links: { sectorIds: r.sectorIds, country: r.country },
  }),
  fixed: ['id'],
  inUse: (n) => `${n} incidents hit it: unlink them from the organization first`,
};

export const sourceKind: EntityKind<Record<string, unknown>, SourceRecord, SourceRow> = {
  label: 'Source',
  collection: 'sources',
  fieldNames: {},
  fromInput: defined,
  toNative: (p) =>
    defined({ url: p.url, title: p.title, publisher: p.publisher, publishedAt: p.publishedAt }),
  toStored: (r) => ({ props: { ...r }, links: {} }),
  // A source's id is the hash of its URL: a different URL is a different source.
  fixed: ['url'],
  inUse: (n) =>
    `incidents, claims or hypotheses cite it ${n} times: cite another source there first, since every claim keeps its evidence`,
};

/** Incident links as the API names them, where they differ from the native format's names. */
const incidentFieldNames = {
  id: 'key',
  sectors: 'sectorIds',
  organizations: 'organizationIds',
  campaign: 'campaignId',
  sources: 'sourceIds',
};

export const incidentKind: EntityKind<Record<string, unknown>, IncidentRecord, IncidentRow> = {
  label: 'Incident',
  collection: 'incidents',
  fieldNames: incidentFieldNames,
  fromInput: (input, existing) => {
    const { key, sectorIds, countries, organizationIds, campaignId, sourceIds, ...rest } = input;
    const start = text(rest.startDate) ?? '';
    return defined({
      ...rest,
      id: existing ?? key ?? `${start.slice(0, 7)}-${slugify(text(rest.title) ?? '')}`,
      sectors: sectorIds,
      countries: Array.isArray(countries)
        ? (countries as { code: string; primary?: boolean | null }[]).map((c) => ({
            country: c.code,
            primary: c.primary ?? false,
          }))
        : countries,
      organizations: organizationIds,
      campaign: campaignId,
      sources: sourceIds,
    });
  },
  toNative: (p, l) =>
    defined({
      id: p.id,
      title: p.title,
      description: p.description,
      startDate: storedPartialDate(p.startDate, p.datePrecision),
      endDate: storedPartialDate(p.endDate, p.endPrecision),
      attackTypes: list(p.attackTypes),
      objective: p.objective,
      impact: defined({
        disruptionDays: p.disruptionDays,
        recordsAffected: p.recordsAffected,
        ransomDemandedUsd: p.ransomDemandedUsd,
        ransomPaidUsd: p.ransomPaidUsd,
      }),
      sectors: list(l.sectorIds),
      countries: (Array.isArray(l.countries)
        ? (l.countries as { iso2: string; primary: boolean }[])
        : []
      ).map((c) => ({ country: c.iso2, primary: c.primary })),
      organizations: list(l.organizationIds),
      campaign: l.campaignId,
      sources: list(l.sourceUrls),
      externalIds: list(p.externalIds),
    }),
  // Claims are edited through the attribution mutations only, never through the incident.
  toStored: (r) => ({
    props: {
      id: r.id,
      title: r.title,
      description: r.description,
      startDate: r.startDate,
      endDate: r.endDate,
      datePrecision: r.datePrecision,
      endPrecision: r.endPrecision,
      attackTypes: r.attackTypes,
      objective: r.objective,
      disruptionDays: r.disruptionDays,
      recordsAffected: r.recordsAffected,
      ransomDemandedUsd: r.ransomDemandedUsd,
      ransomPaidUsd: r.ransomPaidUsd,
      externalIds: r.externalIds,
    },
    links: {
      sectorIds: r.sectorIds,
      countries: r.countries,
      organizationIds: r.organizationIds,
      campaignId: r.campaignId,
      sourceIds: r.sourceIds,
    },
  }),
  fixed: ['id'],
  inUse: (n) => `${n} hypotheses are about it: a researcher's work is not deleted with it`,
  references: async (tx, input, argument) => {
    const sourceIds = input.sourceIds === undefined ? undefined : list(input.sourceIds);
    const organizationIds = list(input.organizationIds);
    const campaignIds = typeof input.campaignId === 'string' ? [input.campaignId] : [];
    const found = await lockReferences(tx, {
      sources: sourceIds ?? [],
      organizations: organizationIds,
      campaigns: campaignIds,
    });
    const problems = [
      ...missingReferences(found, 'sources', sourceIds ?? [], (i) => `${argument}.sourceIds.${i}`),
      ...missingReferences(
        found,
        'organizations',
        organizationIds,
        (i) => `${argument}.organizationIds.${i}`,
      ),
      ...missingReferences(found, 'campaigns', campaignIds, () => `${argument}.campaignId`),
    ];
    // A stand-in keeps the rest of the validation from reporting a missing source again.
    const urls = sourceIds?.map((id) => found.sourceUrl(id) ?? 'https://missing.invalid/');
    return { input: urls === undefined ? input : { ...input, sourceIds: urls }, problems };
  },
};
