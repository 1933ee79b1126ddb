import type { CrossBorderRecord } from '../analysis/cross-border.js';
import type { ChangeRow } from '../repositories/change-repository.js';
import type { HypothesisRow } from '../repositories/hypothesis-repository.js';
import type { CursorValue, Keyset, KeysetPage, PagedRows } from '../repositories/keyset.js';
import type {
  ActorRow,
  CampaignRow,
  CountRow,
  CountryRow,
  IncidentRow,
  OrganizationRow,
  SectorRow,
} from '../repositories/rows.js';
import { encodeCursor } from './cursor.js';

/**
 * What a connection field resolves to: the page, plus the count as a function so that the count
 * query runs only when a client asks for `totalCount`.
 */
export interface Edge<Node> {
  cursor: string;
  node: Node;
}

export interface Connection<Node> {
  edges: Edge<Node>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number>;
}

/**
 * A list's rows as a connection: the first `page.first` rows as edges, each with the cursor of
 * its keyset values; the one row more the list answered says that another page follows.
 */
export function toConnection<Row>(
  list: PagedRows<Row>,
  page: KeysetPage,
  keyset: Keyset,
  cursorOf: (row: Row) => readonly CursorValue[],
): Connection<Row> {
  const edges = list.rows
    .slice(0, page.first)
    .map((node) => ({ cursor: encodeCursor(keyset, cursorOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: list.rows.length > page.first,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: list.count,
  };
}

export type SearchHitRow = { score: number } & (
  { type: 'ACTOR'; node: ActorRow } | { type: 'INCIDENT'; node: IncidentRow }
);

/* Named instances for graphql-codegen's mappers, which cannot spell generic types. */
export type ActorConnectionResult = Connection<ActorRow>;
export type IncidentConnectionResult = Connection<IncidentRow>;
export type CampaignConnectionResult = Connection<CampaignRow>;
export type OrganizationConnectionResult = Connection<OrganizationRow>;
export type ActorCountConnectionResult = Connection<CountRow<ActorRow>>;
export type SectorCountConnectionResult = Connection<CountRow<SectorRow>>;
export type CountryCountConnectionResult = Connection<CountRow<CountryRow>>;
export type ActorEdgeResult = Edge<ActorRow>;
export type IncidentEdgeResult = Edge<IncidentRow>;
export type CampaignEdgeResult = Edge<CampaignRow>;
export type OrganizationEdgeResult = Edge<OrganizationRow>;
export type ActorCountEdgeResult = Edge<CountRow<ActorRow>>;
export type SectorCountEdgeResult = Edge<CountRow<SectorRow>>;
export type CountryCountEdgeResult = Edge<CountRow<CountryRow>>;
export type CrossBorderEdgeResult = Edge<CrossBorderRecord>;
export type ChangeConnectionResult = Connection<ChangeRow>;
export type ChangeEdgeResult = Edge<ChangeRow>;
export type HypothesisConnectionResult = Connection<HypothesisRow>;
export type HypothesisEdgeResult = Edge<HypothesisRow>;
export type CrossBorderConnectionResult = Connection<CrossBorderRecord> & {
  unknownOrigin: () => Promise<CrossBorderRecord[]>;
};
