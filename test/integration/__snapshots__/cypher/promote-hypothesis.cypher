// mutation ($id: ID!, $version: Int!, $sourceIds: [ID!]) { promoteHypothesis(id: $id, version: $version, basis: ACADEMIC, sourceIds: $sourceIds) { id version status incident { key } actor { key } promotedClaimId } }
// variables {
//   "id": "hyp-<uuid>",
//   "sourceIds": [
//     "Source:src-e440b4ac304165e0"
//   ],
//   "version": 1
// }
// 8 statement(s) in 2 wave(s)

// ── wave 1 · transaction promoteHypothesis · 1 of 6 · lockHypothesis
MATCH (h:Hypothesis {id: $id})
SET h._lock = true REMOVE h._lock
WITH * WHERE h.id = $id
RETURN h {.*,
 createdAt: toString(h.createdAt), updatedAt: toString(h.updatedAt),
 incidentId: COLLECT { MATCH (h)-[:ABOUT]->(i:Incident) RETURN i.id }[0],
 actorId: COLLECT { MATCH (h)-[:SUGGESTS]->(a:Actor) RETURN a.id }[0],
 evidenceIncidentIds: COLLECT { MATCH (h)-[:EVIDENCE]->(e:Incident) RETURN e.id ORDER BY e.id },
 evidenceSourceIds: COLLECT { MATCH (h)-[:EVIDENCE]->(e:Source) RETURN e.id ORDER BY e.id },
 savedSuggestions: coalesce(h.savedSuggestions, []),
 promotedClaimId: h.promotedClaimId} AS hypothesis
// params
{
  "id": "hyp-<uuid>"
}

// ── wave 1 · transaction promoteHypothesis · 2 of 6 · lockReferences
CALL () {
  UNWIND $incidents AS key
  MATCH (n:Incident {id: key})
  SET n._lock = true REMOVE n._lock
WITH * WHERE n.id = key
  RETURN collect(n.id) AS found
} WITH found AS incidents
CALL () {
  UNWIND $actors AS key
  MATCH (n:Actor {id: key})
  SET n._lock = true REMOVE n._lock
WITH * WHERE n.id = key
  RETURN collect(n.id) AS found
} WITH incidents, found AS actors
CALL () {
  UNWIND $organizations AS key
  MATCH (n:Organization {id: key})
  SET n._lock = true REMOVE n._lock
WITH * WHERE n.id = key
  RETURN collect(n.id) AS found
} WITH incidents, actors, found AS organizations
CALL () {
  UNWIND $campaigns AS key
  MATCH (n:Campaign {id: key})
  SET n._lock = true REMOVE n._lock
WITH * WHERE n.id = key
  RETURN collect(n.id) AS found
} WITH incidents, actors, organizations, found AS campaigns
CALL () {
  UNWIND $sources AS key
  MATCH (n:Source {id: key})
  SET n._lock = true REMOVE n._lock
WITH * WHERE n.id = key
  RETURN collect({id: n.id, url: n.url}) AS found
}
RETURN incidents, actors, organizations, campaigns, found AS sources
// params
{
  "actors": [
    "apt28"
  ],
  "campaigns": [],
  "incidents": [
    "2017-06-notpetya-maersk"
  ],
  "organizations": [],
  "sources": [
    "src-e440b4ac304165e0"
  ]
}

// ── wave 1 · transaction promoteHypothesis · 3 of 6 · promoteHypothesis
MATCH (h:Hypothesis {id: $id})
 MATCH (h)-[:ABOUT]->(i:Incident), (h)-[:SUGGESTS]->(a:Actor)
 CREATE (i)-[r:ATTRIBUTED_TO]->(a) SET r = $claim
 SET h.promotedClaimId = $claim.id, h.version = $version + 1, h.updatedAt = datetime.realtime()
 WITH h, i
 CREATE (ch:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by,
via: $change.via, action: $change.action, entityType: $change.entityType,
entityKey: $change.entityKey, before: $change.before, after: $change.after})
 CREATE (:Change {id: randomUUID(), at: datetime.realtime(), by: $claimChange.by, via: $claimChange.via,
   action: $claimChange.action, entityType: $claimChange.entityType, entityKey: $claimChange.entityKey,
   before: $claimChange.before, after: $claimChange.after})
 RETURN h {.*,
  createdAt: toString(h.createdAt), updatedAt: toString(h.updatedAt),
  incidentId: COLLECT { MATCH (h)-[:ABOUT]->(i:Incident) RETURN i.id }[0],
  actorId: COLLECT { MATCH (h)-[:SUGGESTS]->(a:Actor) RETURN a.id }[0],
  evidenceIncidentIds: COLLECT { MATCH (h)-[:EVIDENCE]->(e:Incident) RETURN e.id ORDER BY e.id },
  evidenceSourceIds: COLLECT { MATCH (h)-[:EVIDENCE]->(e:Source) RETURN e.id ORDER BY e.id },
  savedSuggestions: coalesce(h.savedSuggestions, []),
  promotedClaimId: h.promotedClaimId} AS hypothesis
// params
{
  "change": {
    "action": "UPDATE",
    "after": "{\"createdAt\":\"<timestamp>\",\"savedSuggestions\":[],\"promotedClaimId\":\"claim-<uuid>\",\"actorId\":\"apt28\",\"incidentId\":\"2017-06-notpetya-maersk\",\"evidenceIncidentIds\":[],\"evidenceSourceIds\":[],\"updatedAt\":\"<timestamp>\",\"author\":\"ed\",\"confidence\":40,\"id\":\"hyp-<uuid>\",\"version\":2,\"rationale\":\"Same tooling as a 2016 operation.\",\"status\":\"SUPPORTED\"}",
    "before": "{\"createdAt\":\"<timestamp>\",\"savedSuggestions\":[],\"promotedClaimId\":null,\"actorId\":\"apt28\",\"incidentId\":\"2017-06-notpetya-maersk\",\"evidenceIncidentIds\":[],\"evidenceSourceIds\":[],\"updatedAt\":\"<timestamp>\",\"author\":\"ed\",\"confidence\":40,\"id\":\"hyp-<uuid>\",\"version\":1,\"rationale\":\"Same tooling as a 2016 operation.\",\"status\":\"SUPPORTED\"}",
    "by": "ed",
    "entityKey": "hyp-<uuid>",
    "entityType": "Hypothesis",
    "via": "api-key"
  },
  "claim": {
    "assessedAt": "<today>",
    "basis": "ACADEMIC",
    "claimedBy": "ed",
    "confidence": 40,
    "id": "claim-<uuid>",
    "sourceIds": [
      "src-e440b4ac304165e0"
    ],
    "status": "ATTRIBUTED",
    "version": 1
  },
  "claimChange": {
    "action": "ADD_ATTRIBUTION",
    "after": "{\"actorId\":\"apt28\",\"fromHypothesis\":\"hyp-<uuid>\",\"id\":\"claim-<uuid>\",\"confidence\":40,\"basis\":\"ACADEMIC\",\"status\":\"ATTRIBUTED\",\"claimedBy\":\"ed\",\"assessedAt\":\"<today>\",\"sourceIds\":[\"src-e440b4ac304165e0\"],\"version\":1}",
    "before": null,
    "by": "ed",
    "entityKey": "2017-06-notpetya-maersk",
    "entityType": "Incident",
    "via": "api-key"
  },
  "id": "hyp-<uuid>",
  "version": 1
}

// ── wave 1 · transaction promoteHypothesis · 4 of 6 · targetProfiles:readRows
UNWIND $actorIds AS actorId
MATCH (r:TargetProfileRows {actorId: actorId})
RETURN actorId, r.rows AS rows, r.version AS version
// params
{
  "actorIds": [
    "apt28"
  ]
}

// ── wave 1 · transaction promoteHypothesis · 5 of 6 · targetProfiles:rowsOfIncidents
UNWIND $incidentIds AS incidentId
MATCH (j:Incident {id: incidentId})-[r:ATTRIBUTED_TO]->(a:Actor) WHERE a.id IN $actorIds
WITH a, j, r WHERE r.status <> 'RETRACTED'
WITH a, j, toFloat(max(coalesce(r.confidence, 0))) AS confidence
RETURN a.id AS actorId, collect({incidentId: j.id, confidence: confidence,
  start: toString(j.startDate), end: toString(j.endDate),
  sectorIds: COLLECT { MATCH (j)-[:TARGETED]->(s:Sector) RETURN DISTINCT coalesce([(s)-[:SUBSECTOR_OF]->(rollupParent_1:Sector) | rollupParent_1][0], s).id },
  countryCodes: COLLECT { MATCH (j)-[:AFFECTED]->(c:Country) RETURN DISTINCT c.iso2 },
  attackTypes: COLLECT { UNWIND coalesce(j.attackTypes, []) AS t RETURN DISTINCT t },
  campaignIds: COLLECT { MATCH (j)-[:PART_OF]->(k:Campaign) RETURN DISTINCT k.id }}) AS rows
// params
{
  "actorIds": [
    "apt28"
  ],
  "incidentIds": [
    "2017-06-notpetya-maersk"
  ]
}

// ── wave 1 · transaction promoteHypothesis · 6 of 6 · targetProfiles:write
UNWIND $profiles AS profile
WITH profile, profile.totals AS totals
MERGE (p:TargetProfile {actorId: profile.actorId})
SET p = totals, p.actorId = profile.actorId, p.incidents = toInteger(totals.incidents),
    p.firstStart = date(totals.firstStart), p.firstEnd = date(totals.firstEnd), p.lastEnd = date(totals.lastEnd),
    p.maxConfidence = toInteger(ceil(totals.maxConfidence)),
    p.nextConfidence = toInteger(ceil(totals.nextConfidence))
MERGE (r:TargetProfileRows {actorId: profile.actorId})
SET r.rows = profile.rows, r.version = profile.totals.rowsVersion
// params
{
  "profiles": [
    {
      "actorId": "apt28",
      "rows": "[[\"2014-ukrainian-artillery-app-x-agent\",50,\"2014-01-01\",\"2016-12-31\",[\"defence\"],[\"UA\"],[\"ESPIONAGE\",\"MALWARE\"],[]],[\"2015-04-german-bundestag-hack\",85,\"2015-04-01\",\"2015-05-31\",[\"public-administration\"],[\"DE\"],[\"DATA_BREACH\",\"ESPIONAGE\"],[]],[\"2017-06-notpetya-maersk\",40,\"2017-06-27\",\"2017-07-31\",[\"transport\"],[\"DK\",\"UA\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2020-vaccine-makers-strontium-zinc-cerium\",70,\"2020-01-01\",\"2020-11-30\",[\"health\",\"research\"],[\"CA\",\"FR\",\"IN\",\"KR\",\"US\"],[\"ACCOUNT_TAKEOVER\",\"ESPIONAGE\",\"PHISHING\"],[\"covid-vaccine-targeting-2020\"]],[\"2022-02-apt28-ukrnet-phishing\",85,\"2022-02-01\",\"2022-03-31\",[\"media\"],[\"UA\"],[\"ESPIONAGE\",\"PHISHING\"],[]],[\"2022-apt28-western-logistics-campaign\",85,\"2022-01-01\",\"2025-05-31\",[\"defence\",\"digital-infrastructure\",\"transport\"],[\"BG\",\"CZ\",\"DE\",\"FR\",\"GR\",\"IT\",\"MD\",\"NL\",\"PL\",\"RO\",\"SK\",\"UA\",\"US\"],[\"ESPIONAGE\",\"PHISHING\"],[]],[\"2023-01-spd-email-apt28\",85,\"2023-01-01\",\"2023-01-31\",[\"political-processes\"],[\"DE\"],[\"DATA_BREACH\",\"ESPIONAGE\"],[]]]",
      "totals": {
        "featureKeys": [
          "CBG",
          "CCA",
          "CCZ",
          "CDE",
          "CDK",
          "CFR",
          "CGR",
          "CIN",
          "CIT",
          "CKR",
          "CMD",
          "CNL",
          "CPL",
          "CRO",
          "CSK",
          "CUA",
          "CUS",
          "Kcovid-vaccine-targeting-2020",
          "Knotpetya-2017",
          "Sdefence",
          "Sdigital-infrastructure",
          "Shealth",
          "Smedia",
          "Spolitical-processes",
          "Spublic-administration",
          "Sresearch",
          "Stransport",
          "TACCOUNT_TAKEOVER",
          "TDATA_BREACH",
          "TESPIONAGE",
          "TMALWARE",
          "TPHISHING",
          "TSUPPLY_CHAIN",
          "TWIPER"
        ],
        "firmKeys": [
          "CBG",
          "CCZ",
          "CDE",
          "CFR",
          "CGR",
          "CIT",
          "CMD",
          "CNL",
          "CPL",
          "CRO",
          "CSK",
          "CUA",
          "CUS",
          "Sdefence",
          "Sdigital-infrastructure",
          "Smedia",
          "Spolitical-processes",
          "Spublic-administration",
          "Stransport",
          "TDATA_BREACH",
          "TESPIONAGE",
          "TPHISHING"
        ],
        "firstEnd": "2015-05-31",
        "firstStart": "2014-01-01",
        "incidents": 7,
        "lastEnd": "2025-05-31",
        "maxConfidence": 85,
        "nextConfidence": 70,
        "rowsVersion": "zMaqQUgQ9R0WpX1AfvORke",
        "singleKeys": [
          "CBG",
          "CCA",
          "CCZ",
          "CDK",
          "CGR",
          "CIN",
          "CIT",
          "CKR",
          "CMD",
          "CNL",
          "CPL",
          "CRO",
          "CSK",
          "Kcovid-vaccine-targeting-2020",
          "Knotpetya-2017",
          "Sdigital-infrastructure",
          "Shealth",
          "Smedia",
          "Spolitical-processes",
          "Spublic-administration",
          "Sresearch",
          "TACCOUNT_TAKEOVER",
          "TMALWARE",
          "TSUPPLY_CHAIN",
          "TWIPER"
        ]
      }
    }
  ]
}

// ── wave 2 · read · findIncidents
UNWIND $keys AS key MATCH (n:Incident {id: key}) RETURN key, n {.*} AS row
// params
{
  "keys": [
    "2017-06-notpetya-maersk"
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
    "apt28"
  ]
}
