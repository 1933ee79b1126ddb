import {
  fragment,
  param,
  statement,
  trusted,
  type Fragment,
  type Statement,
} from '../db/cypher.js';
import type { Executor, Transaction } from '../db/database.js';
import {
  rankTopCandidates,
  type CandidateBound,
  type Candidates,
  type TopCandidates,
} from './attribution-bound.js';
import {
  evidenceFromRows,
  type CandidateFacts,
  type RankedIncident,
} from './attribution-evidence.js';
import type { CandidateEvidence, ScoredCandidate } from './attribution-score.js';
import { topLevelSector } from '../repositories/sector-rollup.js';
import { readProfileRows, rowsFromClaims } from '../repositories/target-profile-repository.js';
import { FEATURE_PREFIX, type ProfileRow } from '../repositories/target-profile-rows.js';

/**
 * The ids of the top-level sectors of the incident bound to `incident`, as `sectors` (a sub-sector
 * counts as its parent).
 */
export const topSectors = (incident: Fragment): Fragment =>
  fragment`CALL (${incident}) {
    OPTIONAL MATCH (${incident})-[:TARGETED]->(s:Sector)
    RETURN collect(DISTINCT ${topLevelSector(fragment`s`)}.id) AS sectors
  }`;

const X = fragment`x`;

/**
 * The incident bound to `x` and what it offers to compare against: `xSectors` (top-level),
 * `xCountries`, `xCampaigns` and `xTypes`; no row when no incident has the id.
 */
const incidentFeatures = (incidentId: string): Fragment =>
  fragment`MATCH (x:Incident {id: ${param(incidentId, 'incidentId')}})
${topSectors(X)}
CALL (x) { OPTIONAL MATCH (x)-[:AFFECTED]->(c:Country) RETURN collect(DISTINCT c.iso2) AS countries }
CALL (x) { OPTIONAL MATCH (x)-[:PART_OF]->(k:Campaign) RETURN collect(DISTINCT k.id) AS campaigns }
WITH x, sectors AS xSectors, countries AS xCountries, campaigns AS xCampaigns, coalesce(x.attackTypes, []) AS xTypes`;

/** The incident's features of one kind as a profile's totals name them (target-profile-rows.ts). */
const prefixed = (kind: keyof typeof FEATURE_PREFIX, keys: Fragment): Fragment =>
  fragment`[v IN ${keys} | ${trusted(`'${FEATURE_PREFIX[kind]}'`)} + v]`;

/** The keys of one kind among the `shared` features. */
const ofKind = (kind: keyof typeof FEATURE_PREFIX): Fragment =>
  fragment`[k IN shared WHERE left(k, 1) = ${trusted(`'${FEATURE_PREFIX[kind]}'`)} | substring(k, 1)]`;

/** A candidate's bound as its profile gives it, with the version of the profile's rows. */
type ProfileBound = Omit<CandidateBound, 'reportedSectorIds' | 'reportedCountryCodes'> & {
  rowsVersion: string;
};

/** The reported victimology shared with the incident, per actor that reports any. */
interface ReportedTargets {
  actorId: string;
  sectorIds: string[];
  countryCodes: string[];
}

/**
 * Every candidate with what its target profile (see target-profile-repository.ts) shares with the
 * incident, and the bounds on what it does not tell (see CandidateBound): one small node per actor
 * instead of every claim of the graph. The incident's own live claims are taken out of the counts
 * (each named its features once), so what is shared is what the actor's *other* incidents share.
 * A candidate shares a feature or reported victimology; an actor that reports some is listed with
 * its profile's bounds even when its incidents share nothing, as their time still counts. Actors
 * with other incidents but no profile yet (an import under way rebuilds theirs) have no bound.
 */
const attributionBounds = (
  incidentId: string,
): Statement<{
  incident: RankedIncident;
  xActors: string[];
  profiles: ProfileBound[];
  reported: ReportedTargets[];
  unprofiled: string[];
}> =>
  statement(
    'analysis:attributionBounds',
    fragment`${incidentFeatures(incidentId)},
     COLLECT { MATCH (x)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE r.status <> 'RETRACTED' RETURN DISTINCT a.id } AS xActors,
     COLLECT {
       MATCH (a:Actor) WHERE NOT EXISTS { (:TargetProfile {actorId: a.id}) }
         AND EXISTS { MATCH (j:Incident)-[r:ATTRIBUTED_TO]->(a) WHERE j <> x AND r.status <> 'RETRACTED' }
       RETURN a.id ORDER BY a.id
     } AS unprofiled
CALL (xSectors, xCountries) {
  CALL (xSectors, xCountries) {
    MATCH (a:Actor)-[:TARGETS]->(t:Sector)
    WITH a, ${topLevelSector(fragment`t`)}.id AS top WHERE top IN xSectors
    RETURN a, top AS sectorId, null AS countryCode
    UNION ALL
    MATCH (a:Actor)-[:TARGETS]->(c:Country) WHERE c.iso2 IN xCountries
    RETURN a, null AS sectorId, c.iso2 AS countryCode
  }
  WITH a, collect(DISTINCT sectorId) AS sectorIds, collect(DISTINCT countryCode) AS countryCodes
  RETURN collect({actorId: a.id, sectorIds: sectorIds, countryCodes: countryCodes}) AS reported
}
CALL (x, xSectors, xCountries, xCampaigns, xTypes, xActors, reported) {
  MATCH (p:TargetProfile)
  WITH x, reported, p, CASE WHEN p.actorId IN xActors THEN 1 ELSE 0 END AS own,
       ${prefixed('sector', fragment`xSectors`)} + ${prefixed('country', fragment`xCountries`)}
         + ${prefixed('attackType', fragment`xTypes`)} + ${prefixed('campaign', fragment`xCampaigns`)} AS xFeatures
  WITH x, reported, p, own, p.featureKeys AS keys, p.singleKeys AS singles, xFeatures
  WITH x, reported, p.actorId AS actorId, p.incidents - own AS others,
       p.firstStart AS firstStart, p.firstEnd AS firstEnd, p.lastEnd AS lastEnd,
       p.firmKeys AS firmKeys, p.maxConfidence AS maxConfidence, p.nextConfidence AS nextConfidence,
       p.rowsVersion AS rowsVersion,
       [k IN xFeatures WHERE k IN keys AND (own = 0 OR NOT k IN singles)] AS shared
  WITH x, reported, actorId, others, firstStart, firstEnd, lastEnd, shared, rowsVersion,
       CASE WHEN size(shared) = 0 THEN null
            WHEN any(k IN shared WHERE k IN firmKeys) THEN maxConfidence
            ELSE nextConfidence END AS firmestShared,
       ${ofKind('sector')} AS s,
       ${ofKind('country')} AS c,
       ${ofKind('attackType')} AS t,
       ${ofKind('campaign')} AS k
  WHERE size(shared) > 0 OR actorId IN [r IN reported | r.actorId]
  RETURN collect({
    actorId: actorId, rowsVersion: rowsVersion,
    sharedSectorIds: s, sharedCountryCodes: c, sharedAttackTypes: t, sharesCampaign: size(k) > 0,
    otherIncidents: others,
    maxSharedConfidence: firmestShared,
    minIncidentDays: CASE WHEN others = 0 THEN null
      WHEN lastEnd < x.startDate THEN duration.inDays(lastEnd, x.startDate).days
      WHEN firstStart > x.endDate AND firstEnd >= x.startDate THEN duration.inDays(x.endDate, firstStart).days
      ELSE 0 END
  }) AS profiles
}
RETURN {id: x.id, sectorIds: xSectors, countryCodes: xCountries, attackTypes: xTypes, campaignIds: xCampaigns,
        startDate: toString(x.startDate), endDate: toString(x.endDate)} AS incident,
       xActors, profiles, reported, unprofiled`,
  );

/**
 * Each candidate's bound: its profile's (if it has one) with its reported victimology; none for an
 * actor whose other incidents have no profile yet.
 */
function candidatesOf(
  profiles: ProfileBound[],
  reported: ReportedTargets[],
  unprofiled: string[],
): Candidates {
  const reports = new Map(reported.map((r) => [r.actorId, r]));
  const fromProfiles = profiles.map((p) => ({
    ...p,
    reportedSectorIds: reports.get(p.actorId)?.sectorIds ?? [],
    reportedCountryCodes: reports.get(p.actorId)?.countryCodes ?? [],
  }));
  const known = new Set([...profiles.map((p) => p.actorId), ...unprofiled]);
  const reportsOnly = reported
    .filter((r) => !known.has(r.actorId))
    .map((r) => ({
      actorId: r.actorId,
      sharedSectorIds: [],
      sharedCountryCodes: [],
      sharedAttackTypes: [],
      sharesCampaign: false,
      reportedSectorIds: r.sectorIds,
      reportedCountryCodes: r.countryCodes,
      otherIncidents: 0,
      maxSharedConfidence: null,
      minIncidentDays: null,
    }));
  return { bounded: [...fromProfiles, ...reportsOnly], unbounded: unprofiled };
}

export interface RankedSuggestions extends TopCandidates {
  /** How many actors could be candidates at all, before any was read exactly. */
  candidates: number;
}

/**
 * The ranked candidates for an incident, with how much of the work the bounds saved; undefined
 * when no incident has the id. Bounds and exact evidence are read in one transaction, so both see
 * the same graph.
 */
export function rankAttributionCandidates(
  executor: Executor,
  incidentId: string,
  first: number,
): Promise<RankedSuggestions | undefined> {
  return executor.readTransaction('suggestAttributions', async (tx) => {
    const bounds = attributionBounds(incidentId);
    const [row] = await tx.run(bounds.query, bounds.params);
    if (!row) return undefined;
    const candidates = candidatesOf(row.profiles, row.reported, row.unprofiled);
    const factsOf = candidateFacts(row.xActors, row.reported);
    const versions = new Map(row.profiles.map((p) => [p.actorId, p.rowsVersion]));
    const top = await rankTopCandidates(row.incident, candidates, first, async (actorIds) => {
      const rows = await rowsOfCandidates(tx, actorIds, versions);
      return actorIds
        .map((actorId) => evidenceFromRows(row.incident, factsOf(actorId), rows.get(actorId) ?? []))
        .filter(isCandidate);
    });
    return { ...top, candidates: candidates.bounded.length + candidates.unbounded.length };
  });
}

/** Whether the incident is attributed to it and what its reported victimology shares. */
function candidateFacts(
  attributedTo: readonly string[],
  reported: readonly ReportedTargets[],
): (actorId: string) => CandidateFacts {
  const reports = new Map(reported.map((r) => [r.actorId, r]));
  return (actorId) => ({
    actorId,
    alreadyAttributed: attributedTo.includes(actorId),
    reportedSectorIds: reports.get(actorId)?.sectorIds ?? [],
    reportedCountryCodes: reports.get(actorId)?.countryCodes ?? [],
  });
}

/** The rows of each actor's incidents: from its profile, or from its claims when it has none. */
async function rowsOfCandidates(
  tx: Transaction,
  actorIds: readonly string[],
  versions: ReadonlyMap<string, string>,
): Promise<Map<string, readonly ProfileRow[]>> {
  const profiled = await readProfileRows(tx, actorIds, versions);
  const read = await rowsFromClaims(
    tx,
    actorIds.filter((id) => !profiled.has(id)),
  );
  return new Map([...profiled, ...read]);
}

/** Time alone is not enough to be a candidate: it shares a feature or reported victimology. */
const isCandidate = (evidence: CandidateEvidence): boolean =>
  evidence.supportingIncidents > 0 ||
  evidence.reportedSectorIds.length + evidence.reportedCountryCodes.length > 0;

/** The ranked candidates for an incident; undefined when no incident has the id. */
export async function suggestAttributions(
  executor: Executor,
  incidentId: string,
  first: number,
): Promise<ScoredCandidate[] | undefined> {
  return (await rankAttributionCandidates(executor, incidentId, first))?.ranked;
}
