// mutation ($s: ID!, $sv: Int!, $t: ID!, $tv: Int!) { mergeActors(sourceId: $s, sourceVersion: $sv, targetId: $t, targetVersion: $tv) { changeId target { key version aliases } } }
// variables {
//   "s": "Actor:solntsepek",
//   "sv": 1,
//   "t": "Actor:sandworm",
//   "tv": 1
// }
// 6 statement(s) in 1 wave(s)

// ── wave 1 · transaction mergeActors · 1 of 6 · lockReferences
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
    "sandworm",
    "solntsepek"
  ],
  "campaigns": [],
  "incidents": [],
  "organizations": [],
  "sources": []
}

// ── wave 1 · transaction mergeActors · 2 of 6 · lockMergeSnapshot
OPTIONAL MATCH (s:Actor {id: $sourceId})
OPTIONAL MATCH (t:Actor {id: $targetId})
CALL (s) {
  MATCH (x)-[r:ATTRIBUTED_TO|SUGGESTS]->(s)
  WITH DISTINCT x ORDER BY x.id
  SET x._lock = true REMOVE x._lock
}
RETURN properties(s) AS source, properties(t) AS target,
       COLLECT { MATCH (s)-[r:AFFILIATED_WITH]-(t) RETURN {outgoing: startNode(r) = s, props: properties(r)} } AS between,
       COLLECT { MATCH (m:MergedActor)-[:MERGED_INTO]->(s) RETURN m.id } AS repointed,
       COLLECT { MATCH (:MergedActor {id: $sourceId})-[:MERGED_INTO]->(x:Actor) RETURN x.id }[0] AS sourceMergedInto,
       COLLECT { MATCH (:MergedActor {id: $targetId})-[:MERGED_INTO]->(x:Actor) RETURN x.id }[0] AS targetMergedInto
// params
{
  "sourceId": "solntsepek",
  "targetId": "sandworm"
}

// ── wave 1 · transaction mergeActors · 3 of 6 · mergeActors
MATCH (s:Actor {id: $sourceId}), (t:Actor {id: $targetId})
CALL (s, t) {
  MATCH (x)-[r:ATTRIBUTED_TO]->(s) WHERE x <> t
  CREATE (x)-[moved:ATTRIBUTED_TO]->(t) SET moved = properties(r) SET moved.mergedFrom = $sourceId
  DELETE r
}
CALL (s, t) {
  MATCH (x)-[r:SUGGESTS]->(s) WHERE x <> t
  CREATE (x)-[moved:SUGGESTS]->(t) SET moved = properties(r) SET moved.mergedFrom = $sourceId
  DELETE r
}
CALL (s, t) {
  MATCH (s)-[r:ORIGINATES_FROM]->(x) WHERE x <> t
  CREATE (t)-[moved:ORIGINATES_FROM]->(x) SET moved = properties(r) SET moved.mergedFrom = $sourceId
  DELETE r
}
CALL (s, t) {
  MATCH (s)-[r:SPONSORED_BY]->(x) WHERE x <> t
  CREATE (t)-[moved:SPONSORED_BY]->(x) SET moved = properties(r) SET moved.mergedFrom = $sourceId
  DELETE r
}
CALL (s, t) {
  MATCH (s)-[r:TARGETS]->(x) WHERE x <> t
  CREATE (t)-[moved:TARGETS]->(x) SET moved = properties(r) SET moved.mergedFrom = $sourceId
  DELETE r
}
CALL (s, t) {
  MATCH (s)-[r:AFFILIATED_WITH]->(x) WHERE x <> t
  CREATE (t)-[moved:AFFILIATED_WITH]->(x) SET moved = properties(r) SET moved.mergedFrom = $sourceId
  DELETE r
}
CALL (s, t) {
  MATCH (x)-[r:AFFILIATED_WITH]->(s) WHERE x <> t
  CREATE (x)-[moved:AFFILIATED_WITH]->(t) SET moved = properties(r) SET moved.mergedFrom = $sourceId
  DELETE r
}
CALL (s, t) {
  MATCH (s)-[r:FROM_DATASET]->(x) WHERE x <> t
  CREATE (t)-[moved:FROM_DATASET]->(x) SET moved = properties(r) SET moved.mergedFrom = $sourceId
  DELETE r
}
CALL (s, t) {
  MATCH (m:MergedActor)-[e:MERGED_INTO]->(s) CREATE (m)-[:MERGED_INTO]->(t) DELETE e
}
SET t.aliases = reduce(acc = [], x IN coalesce(t.aliases, []) + [s.name] + coalesce(s.aliases, []) | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    t.externalIds = reduce(acc = [], x IN coalesce(t.externalIds, []) + coalesce(s.externalIds, []) | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    t.mergedIds = coalesce(t.mergedIds, []) + s.id,
    t.version = $targetVersion + 1
WITH s, t
DETACH DELETE s
CREATE (:MergedActor {id: $sourceId, mergedAt: datetime.realtime()})-[:MERGED_INTO]->(t)
WITH t
CREATE (:Change {id: $changeId, at: datetime.realtime(), by: $change.by, via: $change.via,
  action: 'MERGE', entityType: 'Actor', entityKey: $targetId, before: $change.before, after: $change.after})
CREATE (:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by, via: $change.via,
  action: 'MERGE', entityType: 'Actor', entityKey: $sourceId, before: $change.before, after: $change.after})
RETURN t {.*} AS target
// params
{
  "change": {
    "action": "MERGE",
    "after": "{\"targetVersion\":2}",
    "before": "{\"source\":{\"motivations\":[\"SABOTAGE\",\"INFLUENCE\"],\"aliases\":[\"Solntsepyok\"],\"firstSeen\":\"2023\",\"externalIds\":[],\"name\":\"Solntsepek\",\"description\":\"Self-described hacktivist persona that claimed the December 2023 Kyivstar attack. Mandiant assesses it to be a front for Sandworm (APT44).\",\"id\":\"solntsepek\",\"type\":\"HACKTIVIST\",\"version\":1},\"target\":{\"motivations\":[\"SABOTAGE\",\"ESPIONAGE\",\"INFLUENCE\"],\"aliases\":[\"Sandworm Team\",\"Voodoo Bear\",\"IRIDIUM\",\"Seashell Blizzard\",\"APT44\",\"ELECTRUM\",\"TeleBots\",\"Iron Viking\",\"GRU Unit 74455\",\"GTsST\"],\"firstSeen\":\"2009\",\"externalIds\":[\"G0034\"],\"name\":\"Sandworm\",\"description\":\"Russian military intelligence (GRU) cyber unit that the US Department of Justice identifies as Unit 74455 (Main Centre for Special Technologies). It has been charged with or attributed the 2015 and 2016 Ukrainian power-grid attacks, NotPetya and Olympic Destroyer.\",\"id\":\"sandworm\",\"type\":\"STATE\",\"version\":1},\"between\":[{\"outgoing\":true,\"props\":{\"kind\":\"SUBGROUP\"}}],\"repointed\":[]}",
    "by": "ad",
    "entityKey": "sandworm",
    "entityType": "Actor",
    "via": "api-key"
  },
  "changeId": "<uuid>",
  "sourceId": "solntsepek",
  "targetId": "sandworm",
  "targetVersion": 1
}

// ── wave 1 · transaction mergeActors · 4 of 6 · targetProfiles:rowsOfActors
UNWIND $actorIds AS actorId
MATCH (a:Actor {id: actorId})
CALL (a) {
  MATCH (j:Incident)-[r:ATTRIBUTED_TO]->(a) WHERE r.status <> 'RETRACTED'
WITH a, j, toFloat(max(coalesce(r.confidence, 0))) AS confidence
  RETURN collect({incidentId: j.id, confidence: confidence,
  start: toString(j.startDate), end: toString(j.endDate),
  sectorIds: COLLECT { MATCH (j)-[:TARGETED]->(s:Sector) RETURN DISTINCT coalesce([(s)-[:SUBSECTOR_OF]->(rollupParent_1:Sector) | rollupParent_1][0], s).id },
  countryCodes: COLLECT { MATCH (j)-[:AFFECTED]->(c:Country) RETURN DISTINCT c.iso2 },
  attackTypes: COLLECT { UNWIND coalesce(j.attackTypes, []) AS t RETURN DISTINCT t },
  campaignIds: COLLECT { MATCH (j)-[:PART_OF]->(k:Campaign) RETURN DISTINCT k.id }}) AS rows
}
RETURN actorId, rows
// params
{
  "actorIds": [
    "solntsepek",
    "sandworm"
  ]
}

// ── wave 1 · transaction mergeActors · 5 of 6 · targetProfiles:write
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
      "actorId": "sandworm",
      "rows": "[[\"2015-10-ukrainian-media-killdisk\",50,\"2015-10-01\",\"2015-10-31\",[\"media\"],[\"UA\"],[\"MALWARE\",\"WIPER\"],[]],[\"2015-12-ukraine-power-grid-blackenergy\",85,\"2015-12-23\",\"2015-12-23\",[\"energy\"],[\"UA\"],[\"MALWARE\",\"SABOTAGE\",\"WIPER\"],[\"sandworm-ukraine-energy\"]],[\"2016-12-kyiv-industroyer\",85,\"2016-12-17\",\"2016-12-17\",[\"energy\"],[\"UA\"],[\"MALWARE\",\"SABOTAGE\"],[\"sandworm-ukraine-energy\"]],[\"2016-12-ukraine-ministry-of-finance-treasury\",85,\"2016-12-01\",\"2016-12-31\",[\"public-administration\"],[\"UA\"],[\"WIPER\"],[]],[\"2017-06-notpetya-evraz\",85,\"2017-06-27\",\"2017-06-27\",[\"manufacturing\",\"mining\"],[\"RU\",\"UA\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-heritage-valley\",85,\"2017-06-27\",\"2017-06-27\",[\"health\"],[\"US\"],[\"WIPER\"],[]],[\"2017-06-notpetya-maersk\",85,\"2017-06-27\",\"2017-07-31\",[\"transport\"],[\"DK\",\"UA\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-merck\",85,\"2017-06-27\",\"2017-07-31\",[\"health\"],[\"UA\",\"US\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-mondelez\",85,\"2017-06-27\",\"2017-07-31\",[\"food-and-agriculture\"],[\"UA\",\"US\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-reckitt-benckiser\",85,\"2017-06-27\",\"2017-07-31\",[\"manufacturing\"],[\"GB\",\"UA\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-rosneft\",85,\"2017-06-27\",\"2017-07-31\",[\"energy\"],[\"RU\",\"UA\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-saint-gobain\",85,\"2017-06-27\",\"2017-07-31\",[\"manufacturing\"],[\"FR\",\"UA\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-tnt-express\",85,\"2017-06-27\",\"2017-07-31\",[\"transport\"],[\"NL\",\"UA\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-ukraine\",85,\"2017-06-27\",\"2017-07-31\",[\"digital-infrastructure\",\"energy\",\"finance\",\"public-administration\",\"transport\"],[\"UA\"],[\"MALWARE\",\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2018-02-olympic-destroyer\",85,\"2018-02-09\",\"2018-02-09\",[\"entertainment-and-hospitality\"],[\"KR\"],[\"SABOTAGE\",\"WIPER\"],[]],[\"2018-05-vpnfilter\",85,\"2018-05-01\",\"2018-05-31\",[\"telecommunications\"],[\"UA\"],[\"ESPIONAGE\",\"MALWARE\"],[]],[\"2022-02-viasat-ka-sat\",50,\"2022-02-24\",\"2022-03-31\",[\"defence\",\"space\",\"telecommunications\"],[\"DE\",\"UA\"],[\"SABOTAGE\",\"WIPER\"],[]],[\"2022-03-caddywiper\",50,\"2022-03-14\",\"2022-03-14\",[\"finance\",\"public-administration\"],[\"UA\"],[\"WIPER\"],[]],[\"2022-04-industroyer2\",85,\"2022-04-08\",\"2022-04-08\",[\"energy\"],[\"UA\"],[\"MALWARE\",\"SABOTAGE\",\"WIPER\"],[\"sandworm-ukraine-energy\"]],[\"2022-10-prestige-ransomware\",85,\"2022-10-11\",\"2022-10-11\",[\"transport\"],[\"PL\",\"UA\"],[\"RANSOMWARE\"],[]],[\"2022-10-sandworm-ukraine-power-ot\",85,\"2022-10-10\",\"2022-10-12\",[\"energy\"],[\"UA\"],[\"SABOTAGE\",\"WIPER\"],[\"sandworm-ukraine-energy\"]],[\"2023-01-ukrinform-caddywiper\",50,\"2023-01-17\",\"2023-01-17\",[\"media\"],[\"UA\"],[\"WIPER\"],[]],[\"2023-12-kyivstar\",85,\"2023-12-12\",\"2023-12-19\",[\"finance\",\"telecommunications\"],[\"UA\"],[\"SABOTAGE\",\"WIPER\"],[]],[\"2024-03-sandworm-ukraine-utilities\",85,\"2024-03-01\",\"2024-03-31\",[\"energy\",\"water\"],[\"UA\"],[\"MALWARE\",\"SABOTAGE\",\"SUPPLY_CHAIN\"],[\"sandworm-ukraine-energy\"]]]",
      "totals": {
        "featureKeys": [
          "CDE",
          "CDK",
          "CFR",
          "CGB",
          "CKR",
          "CNL",
          "CPL",
          "CRU",
          "CUA",
          "CUS",
          "Knotpetya-2017",
          "Ksandworm-ukraine-energy",
          "Sdefence",
          "Sdigital-infrastructure",
          "Senergy",
          "Sentertainment-and-hospitality",
          "Sfinance",
          "Sfood-and-agriculture",
          "Shealth",
          "Smanufacturing",
          "Smedia",
          "Smining",
          "Spublic-administration",
          "Sspace",
          "Stelecommunications",
          "Stransport",
          "Swater",
          "TESPIONAGE",
          "TMALWARE",
          "TRANSOMWARE",
          "TSABOTAGE",
          "TSUPPLY_CHAIN",
          "TWIPER"
        ],
        "firmKeys": [
          "CDK",
          "CFR",
          "CGB",
          "CKR",
          "CNL",
          "CPL",
          "CRU",
          "CUA",
          "CUS",
          "Knotpetya-2017",
          "Ksandworm-ukraine-energy",
          "Sdigital-infrastructure",
          "Senergy",
          "Sentertainment-and-hospitality",
          "Sfinance",
          "Sfood-and-agriculture",
          "Shealth",
          "Smanufacturing",
          "Smining",
          "Spublic-administration",
          "Stelecommunications",
          "Stransport",
          "Swater",
          "TESPIONAGE",
          "TMALWARE",
          "TRANSOMWARE",
          "TSABOTAGE",
          "TSUPPLY_CHAIN",
          "TWIPER"
        ],
        "firstEnd": "2015-10-31",
        "firstStart": "2015-10-01",
        "incidents": 24,
        "lastEnd": "2024-03-31",
        "maxConfidence": 85,
        "nextConfidence": 50,
        "rowsVersion": "A4pAKePkSKE1BqRL62s8fF",
        "singleKeys": [
          "CDE",
          "CDK",
          "CFR",
          "CGB",
          "CKR",
          "CNL",
          "CPL",
          "Sdefence",
          "Sdigital-infrastructure",
          "Sentertainment-and-hospitality",
          "Sfood-and-agriculture",
          "Smining",
          "Sspace",
          "Swater",
          "TESPIONAGE",
          "TRANSOMWARE"
        ]
      }
    }
  ]
}

// ── wave 1 · transaction mergeActors · 6 of 6 · targetProfiles:drop
UNWIND $actorIds AS actorId
CALL (actorId) { MATCH (p:TargetProfile {actorId: actorId}) DELETE p }
CALL (actorId) { MATCH (r:TargetProfileRows {actorId: actorId}) DELETE r }
// params
{
  "actorIds": [
    "solntsepek"
  ]
}
