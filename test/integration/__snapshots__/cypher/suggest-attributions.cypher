// { suggestAttributions(incidentId: "2017-06-notpetya-maersk", first: 3) { rank alreadyAttributed actor { key }
//       evidence { sharedSectors { key } sharedCountries { code } sameCampaignIncidents { key } } } }
// 6 statement(s) in 2 wave(s)

// ── wave 1 · transaction suggestAttributions · 1 of 2 · analysis:attributionBounds
MATCH (x:Incident {id: $incidentId})
CALL (x) {
    OPTIONAL MATCH (x)-[:TARGETED]->(s:Sector)
    RETURN collect(DISTINCT coalesce([(s)-[:SUBSECTOR_OF]->(rollupParent_1:Sector) | rollupParent_1][0], s).id) AS sectors
  }
CALL (x) { OPTIONAL MATCH (x)-[:AFFECTED]->(c:Country) RETURN collect(DISTINCT c.iso2) AS countries }
CALL (x) { OPTIONAL MATCH (x)-[:PART_OF]->(k:Campaign) RETURN collect(DISTINCT k.id) AS campaigns }
WITH x, sectors AS xSectors, countries AS xCountries, campaigns AS xCampaigns, coalesce(x.attackTypes, []) AS xTypes,
     COLLECT { MATCH (x)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE r.status <> 'RETRACTED' RETURN DISTINCT a.id } AS xActors,
     COLLECT {
       MATCH (a:Actor) WHERE NOT EXISTS { (:TargetProfile {actorId: a.id}) }
         AND EXISTS { MATCH (j:Incident)-[r:ATTRIBUTED_TO]->(a) WHERE j <> x AND r.status <> 'RETRACTED' }
       RETURN a.id ORDER BY a.id
     } AS unprofiled
CALL (xSectors, xCountries) {
  CALL (xSectors, xCountries) {
    MATCH (a:Actor)-[:TARGETS]->(t:Sector)
    WITH a, coalesce([(t)-[:SUBSECTOR_OF]->(rollupParent_2:Sector) | rollupParent_2][0], t).id AS top WHERE top IN xSectors
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
       [v IN xSectors | 'S' + v] + [v IN xCountries | 'C' + v]
         + [v IN xTypes | 'T' + v] + [v IN xCampaigns | 'K' + v] AS xFeatures
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
       [k IN shared WHERE left(k, 1) = 'S' | substring(k, 1)] AS s,
       [k IN shared WHERE left(k, 1) = 'C' | substring(k, 1)] AS c,
       [k IN shared WHERE left(k, 1) = 'T' | substring(k, 1)] AS t,
       [k IN shared WHERE left(k, 1) = 'K' | substring(k, 1)] AS k
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
       xActors, profiles, reported, unprofiled
// params
{
  "incidentId": "2017-06-notpetya-maersk"
}

// ── wave 1 · transaction suggestAttributions · 2 of 2 · targetProfiles:readRows
UNWIND $actorIds AS actorId
MATCH (r:TargetProfileRows {actorId: actorId})
RETURN actorId, r.rows AS rows, r.version AS version
// params
{
  "actorIds": [
    "gru-unspecified",
    "sandworm",
    "apt28",
    "russian-state-unspecified",
    "belarusian-cyber-partisans",
    "silent-crow",
    "ember-bear",
    "samsam-operators",
    "unc1151",
    "killnet",
    "cyber-army-of-russia-reborn",
    "solntsepek",
    "anonymous",
    "it-army-of-ukraine",
    "gamaredon",
    "romcom"
  ]
}

// ── wave 2 · read · findActors
UNWIND $keys AS key
OPTIONAL MATCH (a:Actor {id: key})
OPTIONAL MATCH (:MergedActor {id: key})-[:MERGED_INTO]->(m:Actor)
WITH key, coalesce(a, m) AS n WHERE n IS NOT NULL
RETURN key, n {.*} AS row
// params
{
  "keys": [
    "apt28",
    "gru-unspecified",
    "sandworm"
  ]
}

// ── wave 2 · read · findSectors
UNWIND $keys AS key MATCH (n:Sector {id: key}) RETURN key, n {.*} AS row
// params
{
  "keys": [
    "transport"
  ]
}

// ── wave 2 · read · findCountrys
UNWIND $keys AS key MATCH (n:Country {iso2: key}) RETURN key, n {.*} AS row
// params
{
  "keys": [
    "UA"
  ]
}

// ── wave 2 · read · findIncidents
UNWIND $keys AS key MATCH (n:Incident {id: key}) RETURN key, n {.*} AS row
// params
{
  "keys": [
    "2017-06-notpetya-evraz",
    "2017-06-notpetya-merck",
    "2017-06-notpetya-mondelez",
    "2017-06-notpetya-reckitt-benckiser",
    "2017-06-notpetya-rosneft",
    "2017-06-notpetya-saint-gobain",
    "2017-06-notpetya-tnt-express",
    "2017-06-notpetya-ukraine"
  ]
}
