import { createHash } from 'node:crypto';
import type { DatePrecision, ImpactCategory } from '../domain/vocabulary.js';

/**
 * What every importer produces and the writer consumes: graph records with resolved ids (sector
 * ids, ISO alpha-2 codes, source ids). Importers differ in how they read; they all write alike.
 */
export interface SourceRecord {
  id: string;
  url: string;
  title: string | null;
  publisher: string | null;
  publishedAt: string | null;
}

export interface StateClaimRecord {
  country: string;
  confidence: number | null;
  sourceIds: string[];
}

export interface ActorRecord {
  id: string;
  name: string;
  aliases: string[];
  /** null when the source does not say; a new actor is then UNKNOWN, a known one keeps its type. */
  type: string | null;
  motivations: string[];
  description: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  externalIds: string[];
  origin: StateClaimRecord | null;
  sponsors: StateClaimRecord[];
  affiliations: { actorId: string; kind: string }[];
  targets: {
    sectorIds: string[];
    countries: string[];
    confidence: number | null;
    sourceIds: string[];
  } | null;
}

export interface CampaignRecord {
  id: string;
  name: string;
  description: string | null;
  startDate: string | null;
  startPrecision: DatePrecision | null;
  endDate: string | null;
  endPrecision: DatePrecision | null;
  /** Claims that an actor ran the campaign (STIX `attributed-to`), like an incident's. */
  attributions: AttributionRecord[];
}

export interface OrganizationRecord {
  id: string;
  name: string;
  sectorIds: string[];
  country: string | null;
}

export interface AttributionRecord {
  actorId: string;
  confidence: number;
  basis: string;
  status: string;
  claimedBy: string | null;
  assessedAt: string | null;
  sourceIds: string[];
  /**
   * The source's own id of the claim (EuRepoC's attribution_ID), when it has one: two claims
   * alike in everything else stay two claims.
   */
  key: string | null;
}

/**
 * What an incident did, as the trackers measure it. Every value cites `sourceIds` (the sources
 * the tracker gives for it) and, through the incident, the dataset that brought it.
 */
export interface ImpactRecord {
  /** Impact categories, each with the tracker's description of it. */
  categories: { category: ImpactCategory; description: string | null }[];
  /** EuRepoC's cyber intensity scores and the multiplier applied for the target. */
  cyberIntensity: {
    unweighted: number | null;
    weighted: number | null;
    targetMultiplier: string | null;
  } | null;
  /** EuRepoC's impact levels, as the tracker words them ("Day (< 24h)", "Moderate", …). */
  functional: string | null;
  intelligence: string | null;
  /** One level per political impact measure (EuRepoC's `political_impact_*` columns). */
  political: { measure: string; level: string }[];
  economic: string | null;
  economicValue: { amount: number; currency: string | null } | null;
  casualties: string | null;
  sourceIds: string[];
}

export interface IncidentRecord {
  id: string;
  title: string;
  description: string | null;
  /** First day of the period the start is known to. */
  startDate: string;
  /** Last day covered: the end's period, or the start's when no end is known. */
  endDate: string;
  datePrecision: DatePrecision;
  endPrecision: DatePrecision | null;
  attackTypes: string[];
  objective: string | null;
  disruptionDays: number | null;
  recordsAffected: number | null;
  ransomDemandedUsd: number | null;
  ransomPaidUsd: number | null;
  sectorIds: string[];
  countries: { iso2: string; primary: boolean }[];
  /**
   * Regions the tracker names as affected where it names no country ("Europe (region)"): UN M49
   * region or sub-region names, "EU", or "Global". Kept as named, never turned into a country.
   */
  regions: string[];
  organizationIds: string[];
  campaignId: string | null;
  sourceIds: string[];
  attributions: AttributionRecord[];
  externalIds: string[];
  impact: ImpactRecord | null;
}

export interface GraphRecords {
  sources: SourceRecord[];
  actors: ActorRecord[];
  campaigns: CampaignRecord[];
  organizations: OrganizationRecord[];
  incidents: IncidentRecord[];
}

export type RecordKind = keyof GraphRecords;
/** One record of a kind: `RecordOf<'actors'>` is an `ActorRecord`. */
export type RecordOf<K extends RecordKind> = GraphRecords[K][number];
export const recordKinds: readonly RecordKind[] = [
  'sources',
  'actors',
  'campaigns',
  'organizations',
  'incidents',
];

export function emptyRecords(): GraphRecords {
  return { sources: [], actors: [], campaigns: [], organizations: [], incidents: [] };
}

/** A source's id is a hash of its URL, so the same URL from any file is one node of the graph. */
export function sourceIdOf(url: string): string {
  return `src-${createHash('sha256').update(url.trim()).digest('hex').slice(0, 16)}`;
}

/** One thing wrong with one record: the field (a dotted path inside the record) and why. */
export interface RecordProblem {
  field: string;
  reason: string;
}

/**
 * Something wrong with one record (or the whole file when `location` is the file itself): where,
 * which field, why. The record is not written; nothing of it is.
 */
export interface ImportIssue {
  file: string;
  /** The kind of record rejected; absent when the problem is the whole file. */
  kind?: RecordKind;
  /** "line 12", "incidents[3]", "objects[40]"… */
  location: string;
  recordId?: string;
  field?: string;
  reason: string;
  /**
   * The offending value, when there is one, kept out of `reason` so the summary can group
   * problems by field, reason and value.
   */
  value?: string;
}

/**
 * A value left out of a record that was imported (mapped to nothing on purpose, or unknown and
 * dropped as the mapping says): counted and grouped in the summary, never silent.
 */
export interface DroppedValue {
  file: string;
  location: string;
  field: string;
  reason: string;
  value: string;
}

export function formatIssue(issue: ImportIssue): string {
  const where = [issue.file, issue.location, issue.recordId ? `(${issue.recordId})` : undefined]
    .filter(Boolean)
    .join(' ');
  const value = issue.value === undefined ? '' : `: "${issue.value}"`;
  return `${where}${issue.field ? ` ${issue.field}` : ''}: ${issue.reason}${value}`;
}

/** What a reader makes of one file, before references are checked and anything is written. */
export interface ReadResult {
  records: GraphRecords;
  /** Records rejected while reading, each with its reason. */
  issues: ImportIssue[];
  /** `${kind}:${id}` → where the record stands in the file ("incidents[3]", "line 12"). */
  locations: Map<string, string>;
  /** Records deliberately not imported (revoked, deprecated, unsupported type), by reason. */
  skipped: Record<string, number>;
  /** Values left out of records that were imported, each with why (e.g. a victim that is not a country). */
  notes: string[];
  /** Values left out of imported records, one entry per value. */
  dropped: DroppedValue[];
}

/** Counts `count` more records left out for `reason`. */
export function countSkipped(result: Pick<ReadResult, 'skipped'>, reason: string, count = 1): void {
  result.skipped[reason] = (result.skipped[reason] ?? 0) + count;
}

/** A reading that found nothing yet. */
export function emptyReadResult(): ReadResult {
  return {
    records: emptyRecords(),
    issues: [],
    locations: new Map(),
    skipped: {},
    notes: [],
    dropped: [],
  };
}
