import type { CrossBorderRecord } from '../analysis/cross-border.js';
import type { ChangeRow } from '../repositories/change-repository.js';
import type { HypothesisRow } from '../repositories/hypothesis-repository.js';
import type {
  ActorRow,
  CampaignRow,
  CountRow,
  CountryRow,
  IncidentRow,
  OrganizationRow,
  SectorRow,
} from '../repositories/rows.js';
import type { Connection, Edge } from './connection.js';

/**
 * What each GraphQL type resolves from, for graphql-codegen's mappers (codegen.ts points every
 * one of them here): the data layer's rows and answers, the mutations' results, and the API's
 * connections. Generated resolver types import this module only.
 */
export type { AttributionRow, AffectedCountryRow, AffiliationRow } from '../repositories/rows.js';
export type {
  DatasetRow,
  ReportedTargetRow,
  SourceRow,
  StateClaimRow,
} from '../repositories/rows.js';
export type { ActorRow, CampaignRow, CountryRow, IncidentRow, OrganizationRow, SectorRow };
export type { ChangeRow, CrossBorderRecord, HypothesisRow };
export type { LabelCountRecord } from '../repositories/graph-stats-repository.js';
export type { RegionRecord } from '../taxonomy/regions.js';
export type { MergeResult } from '../mutations/merge-mutations.js';
export type { StatsRow } from '../analysis/stats.js';
export type { Matrix } from '../analysis/matrix.js';
export type { CoTargetingRow } from '../analysis/co-targeting.js';
export type {
  SubgraphEdgeRecord,
  SubgraphNodeRecord,
  SubgraphRecord,
} from '../analysis/subgraph.js';
export type { PathRecord } from '../analysis/paths.js';
export type { ScoredCandidate } from '../analysis/attribution-score.js';
export type { TimelineAnswer, TimelineSeriesRow } from '../analysis/timeline.js';
export type { Viewer as RequestViewer } from '../auth/viewer.js';

export type SearchHitRow = { score: number } & (
  { type: 'ACTOR'; node: ActorRow } | { type: 'INCIDENT'; node: IncidentRow }
);

/* Named instances of the connection types, which codegen's mappers cannot spell generically. */
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
