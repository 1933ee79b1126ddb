import { formatPartialDate } from '../domain/partial-date.js';
import type { DatePrecision } from '../domain/vocabulary.js';
import type {
  ActorRecord,
  CampaignRecord,
  OrganizationRecord,
  SourceRecord,
} from '../import/records.js';
import { slugify } from '../import/slug.js';
import type {
  EditableLabel,
  EntityLinks,
  EntityProps,
} from '../repositories/entity-write-repository.js';
import type { ActorRow, CampaignRow, OrganizationRow, SourceRow } from '../repositories/rows.js';

/**
 * How each editable entity maps between the API's input, the native dataset format (which
 * validates it) and what is stored. Everything else about editing is the same for all of them.
 */
export interface EntityKind<Native extends object, Stored, Row> {
  /** Never set: carries the row type the GraphQL type resolves from. */
  readonly __row?: Row;
  label: EditableLabel;
  collection: 'actors' | 'campaigns' | 'organizations' | 'sources';
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
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;
const list = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);
const partial = (date: unknown, precision: unknown): string | undefined =>
  typeof date === 'string' && typeof precision === 'string'
    ? formatPartialDate(date, precision as DatePrecision)
    : undefined;
/** Drops absent values, so the native schema sees them as left out. */
const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
/** An input with its entity's key: the existing one, the one it names, or one made from its name. */
const keyed = (input: Record<string, unknown>, existing?: string): Record<string, unknown> => {
  const { key, ...rest } = input;
  return defined({ id: existing ?? key ?? slugify(text(rest.name) ?? ''), ...rest });
};

export const actorKind: EntityKind<Record<string, unknown>, ActorRecord, ActorRow> = {
  label: 'Actor',
  collection: 'actors',
  fieldNames: { id: 'key' },
  fromInput: keyed,
  toNative: (p) =>
    defined({
      id: p.id,
      name: p.name,
      aliases: list(p.aliases),
      type: p.type,
      motivations: list(p.motivations),
      description: p.description,
      firstSeen: p.firstSeen,
      lastSeen: p.lastSeen,
      externalIds: list(p.externalIds),
    }),
  toStored: (r) => ({
    props: {
      id: r.id,
      name: r.name,
      aliases: r.aliases,
      type: r.type,
      motivations: r.motivations,
      description: r.description,
      firstSeen: r.firstSeen,
      lastSeen: r.lastSeen,
      externalIds: r.externalIds,
    },
    links: {},
  }),
  fixed: ['id'],
  inUse: (n) =>
    `${n} attribution claims name it and are kept for the record: retract them or merge the actor into another`,
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
      startDate: partial(p.startDate, p.startPrecision),
      endDate: partial(p.endDate, p.endPrecision),
    }),
  toStored: (r) => ({ props: { ...r }, links: {} }),
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
    `incidents and claims cite it ${n} times: cite another source there first, since every claim keeps its evidence`,
};
