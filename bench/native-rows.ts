import { createHash } from 'node:crypto';
import { parsePartialDate } from '../src/domain/partial-date.js';
import type { Taxonomy } from '../src/taxonomy/taxonomy.js';

/**
 * A native dataset file as the graph it describes: node rows per label and relationship rows per
 * type, for the import's raw baseline. Only the fields the generator writes are read; nothing is
 * validated (the generator's output is valid by construction).
 */

interface StateClaim {
  country: string;
  confidence: number;
  sources: string[];
}

export interface NativeDataset {
  actors: {
    id: string;
    name: string;
    aliases: string[];
    type: string;
    motivations: string[];
    description?: string;
    firstSeen?: string;
    lastSeen?: string;
    externalIds: string[];
    origin?: StateClaim;
    sponsors: StateClaim[];
    affiliations: { actor: string; kind: string }[];
    targets?: { sectors: string[]; countries: string[]; confidence?: number; sources: string[] };
  }[];
  campaigns: { id: string; name: string; startDate?: string; endDate?: string }[];
  organizations: { id: string; name: string; sectors: string[]; country?: string }[];
  incidents: {
    id: string;
    title: string;
    description?: string;
    startDate: string;
    endDate?: string;
    attackTypes: string[];
    objective?: string;
    impact?: Record<string, number>;
    sectors: string[];
    countries: { country: string; primary: boolean }[];
    organizations: string[];
    campaign?: string;
    sources: string[];
    attributions: {
      actor: string;
      confidence: number;
      basis: string;
      status: string;
      claimedBy?: string;
      assessedAt?: string;
      sources: string[];
    }[];
    externalIds: string[];
  }[];
  sources: { url: string; title: string; publisher: string; publishedAt?: string }[];
}

/** The records a file holds, as `cig import` counts them (the taxonomy aside). */
export const recordCount = (d: NativeDataset): number =>
  d.actors.length +
  d.campaigns.length +
  d.organizations.length +
  d.incidents.length +
  d.sources.length;

type Props = Record<string, unknown>;

export interface NodeBatch {
  label: string;
  rows: Props[];
  /** Properties sent as YYYY-MM-DD and stored as Neo4j dates. */
  dates: string[];
}

export interface RelationshipBatch {
  type: string;
  from: [label: string, key: string];
  to: [label: string, key: string];
  rows: { from: string; to: string; props: Props }[];
}

export interface GraphRows {
  nodes: NodeBatch[];
  relationships: RelationshipBatch[];
}

const sourceId = (url: string): string =>
  `src-${createHash('sha256').update(url.trim()).digest('hex').slice(0, 16)}`;

function period(start: string, end: string | undefined) {
  const first = parsePartialDate(start);
  const last = parsePartialDate(end ?? start);
  if ('error' in first) throw new Error(first.error);
  if ('error' in last) throw new Error(last.error);
  return {
    startDate: first.first,
    endDate: last.last,
    precision: first.precision,
    endPrecision: last.precision,
  };
}

/** Everything the file and the taxonomy describe, as rows per label and per relationship type. */
export function graphRows(d: NativeDataset, taxonomy: Taxonomy): GraphRows {
  const rel = (
    type: string,
    from: [string, string],
    to: [string, string],
    rows: { from: string; to: string; props?: Props }[],
  ): RelationshipBatch => ({
    type,
    from,
    to,
    rows: rows.map((r) => ({ ...r, props: r.props ?? {} })),
  });
  const claimProps = (c: StateClaim) => ({
    confidence: c.confidence,
    sourceIds: c.sources.map(sourceId),
  });

  const nodes: NodeBatch[] = [
    {
      label: 'Sector',
      dates: [],
      rows: taxonomy.sectors.map(({ parentId: _parent, ...sector }) => sector),
    },
    { label: 'Country', dates: [], rows: taxonomy.countries.map((c) => ({ ...c })) },
    { label: 'Source', dates: [], rows: d.sources.map((s) => ({ id: sourceId(s.url), ...s })) },
    {
      label: 'Actor',
      dates: [],
      rows: d.actors.map((a) => ({
        id: a.id,
        name: a.name,
        aliases: a.aliases,
        type: a.type,
        motivations: a.motivations,
        description: a.description,
        firstSeen: a.firstSeen,
        lastSeen: a.lastSeen,
        externalIds: a.externalIds,
      })),
    },
    {
      label: 'Campaign',
      dates: ['startDate', 'endDate'],
      rows: d.campaigns.map((c) => {
        const p = c.startDate ? period(c.startDate, c.endDate) : undefined;
        return {
          id: c.id,
          name: c.name,
          ...(p ? { startDate: p.startDate, endDate: p.endDate } : {}),
        };
      }),
    },
    {
      label: 'Organization',
      dates: [],
      rows: d.organizations.map((o) => ({ id: o.id, name: o.name })),
    },
    {
      label: 'Incident',
      dates: ['startDate', 'endDate'],
      rows: d.incidents.map((i) => {
        const p = period(i.startDate, i.endDate);
        return {
          id: i.id,
          title: i.title,
          description: i.description,
          startDate: p.startDate,
          endDate: p.endDate,
          datePrecision: p.precision,
          ...(i.endDate ? { endPrecision: p.endPrecision } : {}),
          attackTypes: i.attackTypes,
          objective: i.objective,
          externalIds: i.externalIds,
          ...i.impact,
        };
      }),
    },
  ];

  const actor: [string, string] = ['Actor', 'id'];
  const incident: [string, string] = ['Incident', 'id'];
  const sector: [string, string] = ['Sector', 'id'];
  const country: [string, string] = ['Country', 'iso2'];
  const relationships: RelationshipBatch[] = [
    rel(
      'SUBSECTOR_OF',
      sector,
      sector,
      taxonomy.sectors.flatMap((s) => (s.parentId ? [{ from: s.id, to: s.parentId }] : [])),
    ),
    rel(
      'ORIGINATES_FROM',
      actor,
      country,
      d.actors.flatMap((a) =>
        a.origin ? [{ from: a.id, to: a.origin.country, props: claimProps(a.origin) }] : [],
      ),
    ),
    rel(
      'SPONSORED_BY',
      actor,
      country,
      d.actors.flatMap((a) =>
        a.sponsors.map((c) => ({ from: a.id, to: c.country, props: claimProps(c) })),
      ),
    ),
    rel(
      'TARGETS',
      actor,
      sector,
      d.actors.flatMap((a) =>
        (a.targets?.sectors ?? []).map((s) => ({
          from: a.id,
          to: s,
          props: { confidence: a.targets?.confidence, sourceIds: a.targets?.sources.map(sourceId) },
        })),
      ),
    ),
    rel(
      'TARGETS',
      actor,
      country,
      d.actors.flatMap((a) =>
        (a.targets?.countries ?? []).map((c) => ({
          from: a.id,
          to: c,
          props: { confidence: a.targets?.confidence, sourceIds: a.targets?.sources.map(sourceId) },
        })),
      ),
    ),
    rel(
      'AFFILIATED_WITH',
      actor,
      actor,
      d.actors.flatMap((a) =>
        a.affiliations.map((f) => ({ from: a.id, to: f.actor, props: { kind: f.kind } })),
      ),
    ),
    rel(
      'IN_SECTOR',
      ['Organization', 'id'],
      sector,
      d.organizations.flatMap((o) => o.sectors.map((s) => ({ from: o.id, to: s }))),
    ),
    rel(
      'LOCATED_IN',
      ['Organization', 'id'],
      country,
      d.organizations.flatMap((o) => (o.country ? [{ from: o.id, to: o.country }] : [])),
    ),
    rel(
      'TARGETED',
      incident,
      sector,
      d.incidents.flatMap((i) => i.sectors.map((s) => ({ from: i.id, to: s }))),
    ),
    rel(
      'AFFECTED',
      incident,
      country,
      d.incidents.flatMap((i) =>
        i.countries.map((c) => ({ from: i.id, to: c.country, props: { primary: c.primary } })),
      ),
    ),
    rel(
      'HIT',
      incident,
      ['Organization', 'id'],
      d.incidents.flatMap((i) => i.organizations.map((o) => ({ from: i.id, to: o }))),
    ),
    rel(
      'REPORTED_BY',
      incident,
      ['Source', 'id'],
      d.incidents.flatMap((i) => i.sources.map((s) => ({ from: i.id, to: sourceId(s) }))),
    ),
    rel(
      'PART_OF',
      incident,
      ['Campaign', 'id'],
      d.incidents.flatMap((i) => (i.campaign ? [{ from: i.id, to: i.campaign }] : [])),
    ),
    rel(
      'ATTRIBUTED_TO',
      incident,
      actor,
      d.incidents.flatMap((i) =>
        i.attributions.map((a) => ({
          from: i.id,
          to: a.actor,
          props: {
            confidence: a.confidence,
            basis: a.basis,
            status: a.status,
            claimedBy: a.claimedBy,
            assessedAt: a.assessedAt,
            sourceIds: a.sources.map(sourceId),
          },
        })),
      ),
    ),
  ];
  return { nodes, relationships };
}
