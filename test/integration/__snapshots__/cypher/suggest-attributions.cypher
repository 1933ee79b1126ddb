// { suggestAttributions(incidentId: "2017-06-notpetya-maersk", first: 3) { rank alreadyAttributed actor { key }
//       evidence { sharedSectors { key } sharedCountries { code } sameCampaignIncidents { key } } } }
// 5 statement(s) in 2 wave(s)

// ── wave 1 · read · analysis:attributionEvidence
MATCH (x:Incident {id: $incidentId})
CALL (x) {
    OPTIONAL MATCH (x)-[:TARGETED]->(s:Sector)
    RETURN collect(DISTINCT coalesce([(s)-[:SUBSECTOR_OF]->(rollupParent_1:Sector) | rollupParent_1][0], s).id) AS sectors
  }
CALL (x) { OPTIONAL MATCH (x)-[:AFFECTED]->(c:Country) RETURN collect(DISTINCT c.iso2) AS countries }
CALL (x) { OPTIONAL MATCH (x)-[:PART_OF]->(k:Campaign) RETURN collect(DISTINCT k.id) AS campaigns }
WITH x, sectors AS xSectors, countries AS xCountries, campaigns AS xCampaigns, coalesce(x.attackTypes, []) AS xTypes
CALL (x, xSectors, xCountries, xCampaigns, xTypes) {
  CALL (x, xSectors, xCountries) {
    MATCH (j:Incident)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE j <> x AND r.status <> 'RETRACTED'
    RETURN DISTINCT a
    UNION
    MATCH (a:Actor)-[:TARGETS]->(t:Sector)
    WITH a, coalesce([(t)-[:SUBSECTOR_OF]->(rollupParent_2:Sector) | rollupParent_2][0], t) AS top WHERE top.id IN xSectors
    RETURN DISTINCT a
    UNION
    MATCH (a:Actor)-[:TARGETS]->(c:Country) WHERE c.iso2 IN xCountries
    RETURN DISTINCT a
  }
  CALL (a, x, xSectors, xCountries, xCampaigns, xTypes) {
    OPTIONAL MATCH (j:Incident)-[r:ATTRIBUTED_TO]->(a) WHERE j <> x AND r.status <> 'RETRACTED'
    WITH j, max(coalesce(r.confidence, 0)) AS confidence
    CALL (j) {
    OPTIONAL MATCH (j)-[:TARGETED]->(s:Sector)
    RETURN collect(DISTINCT coalesce([(s)-[:SUBSECTOR_OF]->(rollupParent_3:Sector) | rollupParent_3][0], s).id) AS sectors
  }
    CALL (j) { OPTIONAL MATCH (j)-[:AFFECTED]->(c:Country) RETURN collect(DISTINCT c.iso2) AS countries }
    CALL (j) { OPTIONAL MATCH (j)-[:PART_OF]->(k:Campaign) RETURN collect(DISTINCT k.id) AS campaigns }
    WITH j, confidence,
         [v IN sectors WHERE v IN xSectors] AS sharedS,
         [v IN countries WHERE v IN xCountries] AS sharedC,
         [v IN coalesce(j.attackTypes, []) WHERE v IN xTypes] AS sharedT,
         any(k IN campaigns WHERE k IN xCampaigns) AS sameCampaign,
         CASE WHEN j IS NULL THEN null
              WHEN j.endDate < x.startDate THEN duration.inDays(j.endDate, x.startDate).days
              WHEN j.startDate > x.endDate THEN duration.inDays(x.endDate, j.startDate).days
              ELSE 0 END AS gap
    WITH j, confidence, sharedS, sharedC, sharedT, sameCampaign, gap,
         size(sharedS) + size(sharedC) + size(sharedT) > 0 OR sameCampaign AS supports
    RETURN count(j) AS otherIncidents,
           reduce(acc = [], l IN collect(sharedS) | acc + [v IN l WHERE NOT v IN acc]) AS sharedSectorIds,
           reduce(acc = [], l IN collect(sharedC) | acc + [v IN l WHERE NOT v IN acc]) AS sharedCountryCodes,
           reduce(acc = [], l IN collect(sharedT) | acc + [v IN l WHERE NOT v IN acc]) AS sharedAttackTypes,
           min(gap) AS nearestIncidentDays,
           collect(CASE WHEN sameCampaign THEN j.id END) AS sameCampaignIncidentIds,
           count(CASE WHEN supports THEN 1 END) AS supportingIncidents,
           avg(CASE WHEN supports THEN confidence END) AS meanPriorConfidence
  }
  CALL (a, xSectors) {
    OPTIONAL MATCH (a)-[:TARGETS]->(t:Sector)
    WITH coalesce([(t)-[:SUBSECTOR_OF]->(rollupParent_4:Sector) | rollupParent_4][0], t).id AS top WHERE top IN xSectors
    RETURN collect(DISTINCT top) AS reportedSectorIds
  }
  CALL (a, xCountries) {
    OPTIONAL MATCH (a)-[:TARGETS]->(c:Country) WHERE c.iso2 IN xCountries
    RETURN collect(DISTINCT c.iso2) AS reportedCountryCodes
  }
  WITH a, x, otherIncidents, sharedSectorIds, sharedCountryCodes, sharedAttackTypes, nearestIncidentDays,
       sameCampaignIncidentIds, supportingIncidents, meanPriorConfidence, reportedSectorIds, reportedCountryCodes
  WHERE supportingIncidents > 0 OR size(reportedSectorIds) + size(reportedCountryCodes) > 0
  RETURN collect({
    actorId: a.id,
    alreadyAttributed: EXISTS { (x)-[r:ATTRIBUTED_TO]->(a) WHERE r.status <> 'RETRACTED' },
    sharedSectorIds: sharedSectorIds, sharedCountryCodes: sharedCountryCodes,
    sharedAttackTypes: sharedAttackTypes, nearestIncidentDays: nearestIncidentDays,
    sameCampaignIncidentIds: [v IN sameCampaignIncidentIds WHERE v IS NOT NULL],
    reportedSectorIds: reportedSectorIds, reportedCountryCodes: reportedCountryCodes,
    supportingIncidents: supportingIncidents, otherIncidents: otherIncidents,
    meanPriorConfidence: meanPriorConfidence
  }) AS candidates
}
RETURN {sectorIds: xSectors, countryCodes: xCountries, attackTypes: xTypes} AS profile, candidates
// params
{
  "incidentId": "2017-06-notpetya-maersk"
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
