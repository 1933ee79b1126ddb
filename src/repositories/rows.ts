/**
 * The shapes the API's repositories return: node properties as stored, dates as YYYY-MM-DD
 * strings. GraphQL types map onto these (codegen mappers); renaming happens in field resolvers.
 */
export interface ActorRow {
  id: string;
  name: string;
  aliases?: string[] | null;
  type?: string | null;
  motivations?: string[] | null;
  description?: string | null;
  firstSeen?: string | null;
  lastSeen?: string | null;
  externalIds?: string[] | null;
  version?: number | null;
}

export interface IncidentRow {
  id: string;
  version?: number | null;
  title: string;
  description?: string | null;
  startDate: string;
  endDate: string;
  datePrecision: string;
  attackTypes?: string[] | null;
  objective?: string | null;
  disruptionDays?: number | null;
  recordsAffected?: number | null;
  ransomDemandedUsd?: number | null;
  ransomPaidUsd?: number | null;
  regions?: string[] | null;
  /** The impact the trackers measure, flattened (see import/impact-properties.ts). */
  impactCategories?: string[] | null;
  impactDescriptions?: string[] | null;
  cyberIntensityUnweighted?: number | null;
  cyberIntensityWeighted?: number | null;
  targetMultiplier?: string | null;
  functionalImpact?: string | null;
  intelligenceImpact?: string | null;
  politicalImpactMeasures?: string[] | null;
  politicalImpactLevels?: string[] | null;
  economicImpact?: string | null;
  economicImpactAmount?: number | null;
  economicImpactCurrency?: string | null;
  casualties?: string | null;
  impactSourceIds?: string[] | null;
}

export interface SectorRow {
  id: string;
  name: string;
  description?: string | null;
  stixIndustry: string;
  nis2Sector?: string | null;
  nis2Annex?: string | null;
}

export interface CountryRow {
  iso2: string;
  iso3: string;
  name: string;
  region?: string | null;
  subregion?: string | null;
}

export interface CampaignRow {
  id: string;
  version?: number | null;
  name: string;
  description?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

export interface OrganizationRow {
  id: string;
  version?: number | null;
  name: string;
}

export interface SourceRow {
  id: string;
  version?: number | null;
  url: string;
  title?: string | null;
  publisher?: string | null;
  publishedAt?: string | null;
}

export interface AttributionRow {
  id: string;
  version?: number | null;
  actorId: string;
  confidence: number;
  basis: string;
  status: string;
  claimedBy?: string | null;
  assessedAt?: string | null;
  sourceIds: string[];
  /** The datasets whose imports brought the claim; absent for one added through the API. */
  datasetIds?: string[] | null;
}

export interface StateClaimRow {
  countryCode: string;
  confidence: number | null;
  sourceIds: string[];
}

export interface AffiliationRow {
  kind: string;
  actorId: string;
  direction: 'OUTGOING' | 'INCOMING';
}

export interface ReportedTargetRow {
  key: string;
  confidence: number | null;
  sourceIds: string[];
}

export interface AffectedCountryRow {
  countryCode: string;
  primary: boolean;
}

/** A node with the incidents counted for it (actor per sector, sector per actor, …). */
export interface CountRow<Node> {
  node: Node;
  incidentCount: number;
  firstDate: string;
  lastDate: string;
}

/** A parent's rows in a batched answer: which parent they belong to (null: a root list's one). */
export interface Parented<Row> {
  parentId: string | null;
  rows: Row[];
}

/** A parent's count in a batched answer. */
export interface ParentCount {
  parentId: string | null;
  count: number;
}

/** A parent's page and the count of its whole list, answered by one statement. */
export type CountedParented<Row> = Parented<Row> & ParentCount;

/** A dataset as stored: `counts` is the JSON of DatasetCounts (a list of maps Neo4j cannot hold). */
export interface DatasetRow {
  id: string;
  name: string;
  format?: string | null;
  files?: string[] | null;
  sha256?: string | null;
  importedAt?: string | null;
  counts?: string | null;
  issues?: number | null;
  dropped?: number | null;
  skipped?: number | null;
}
