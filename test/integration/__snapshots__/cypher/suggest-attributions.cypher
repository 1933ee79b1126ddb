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
  WITH x, xSectors, xCountries, xCampaigns, xTypes, reported, p,
       CASE WHEN p.actorId IN xActors THEN 1 ELSE 0 END AS own
  WITH x, reported, p, own,
       [i IN range(0, size(p.sectorIds) - 1) WHERE p.sectorIncidents[i] > own AND p.sectorIds[i] IN xSectors] AS s,
       [i IN range(0, size(p.countryCodes) - 1) WHERE p.countryIncidents[i] > own AND p.countryCodes[i] IN xCountries] AS c,
       [i IN range(0, size(p.attackTypes) - 1) WHERE p.attackTypeIncidents[i] > own AND p.attackTypes[i] IN xTypes] AS t,
       [i IN range(0, size(p.campaignIds) - 1) WHERE p.campaignIncidents[i] > own AND p.campaignIds[i] IN xCampaigns] AS k
  WITH x, reported, p, own, s, c, t, k,
       [i IN s | p.sectorConfidence[i]] + [i IN c | p.countryConfidence[i]]
         + [i IN t | p.attackTypeConfidence[i]] + [i IN k | p.campaignConfidence[i]] AS confidences
  WHERE size(confidences) > 0 OR p.actorId IN [r IN reported | r.actorId]
  RETURN collect({
    actorId: p.actorId,
    sharedSectorIds: [i IN s | p.sectorIds[i]], sharedCountryCodes: [i IN c | p.countryCodes[i]],
    sharedAttackTypes: [i IN t | p.attackTypes[i]], sharesCampaign: size(k) > 0,
    otherIncidents: p.incidents - own,
    maxSharedConfidence: reduce(m = null, v IN confidences | CASE WHEN m IS NULL OR v > m THEN v ELSE m END),
    minIncidentDays: CASE WHEN p.incidents - own = 0 THEN null
      WHEN p.lastEnd < x.startDate THEN duration.inDays(p.lastEnd, x.startDate).days
      WHEN p.firstStart > x.endDate AND p.firstEnd >= x.startDate THEN duration.inDays(x.endDate, p.firstStart).days
      ELSE 0 END
  }) AS profiles
}
RETURN {sectorIds: xSectors, countryCodes: xCountries, attackTypes: xTypes} AS profile, profiles, reported, unprofiled
// params
{
  "incidentId": "2017-06-notpetya-maersk"
}

// ── wave 1 · transaction suggestAttributions · 2 of 2 · analysis:attributionEvidence
MATCH (x:Incident {id: $incidentId})
CALL (x) {
    OPTIONAL MATCH (x)-[:TARGETED]->(s:Sector)
    RETURN collect(DISTINCT coalesce([(s)-[:SUBSECTOR_OF]->(rollupParent_1:Sector) | rollupParent_1][0], s).id) AS sectors
  }
CALL (x) { OPTIONAL MATCH (x)-[:AFFECTED]->(c:Country) RETURN collect(DISTINCT c.iso2) AS countries }
CALL (x) { OPTIONAL MATCH (x)-[:PART_OF]->(k:Campaign) RETURN collect(DISTINCT k.id) AS campaigns }
WITH x, sectors AS xSectors, countries AS xCountries, campaigns AS xCampaigns, coalesce(x.attackTypes, []) AS xTypes
CALL (x, xSectors, xCountries, xCampaigns, xTypes) {
  UNWIND $actorIds AS actorId
  MATCH (a:Actor {id: actorId})
  CALL (a, x, xSectors, xCountries, xCampaigns, xTypes) {
    OPTIONAL MATCH (j:Incident)-[r:ATTRIBUTED_TO]->(a) WHERE j <> x AND r.status <> 'RETRACTED'
    WITH j, max(coalesce(r.confidence, 0)) AS confidence
    CALL (j) {
    OPTIONAL MATCH (j)-[:TARGETED]->(s:Sector)
    RETURN collect(DISTINCT coalesce([(s)-[:SUBSECTOR_OF]->(rollupParent_2:Sector) | rollupParent_2][0], s).id) AS sectors
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
    WITH coalesce([(t)-[:SUBSECTOR_OF]->(rollupParent_3:Sector) | rollupParent_3][0], t).id AS top WHERE top IN xSectors
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
RETURN candidates
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
  ],
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
