// mutation ($c: ID!) { undoMerge(changeId: $c) { key version } }
// variables {
//   "c": "<uuid>"
// }
// 6 statement(s) in 2 wave(s)

// ── wave 1 · read · mergeChange
MATCH (ch:Change {id: $changeId}) RETURN ch.action AS action, ch.before AS before, ch.after AS after
// params
{
  "changeId": "<uuid>"
}

// ── wave 2 · transaction undoMerge · 1 of 5 · lockReferences
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
    "sandworm"
  ],
  "campaigns": [],
  "incidents": [],
  "organizations": [],
  "sources": []
}

// ── wave 2 · transaction undoMerge · 2 of 5 · lockUndoState
OPTIONAL MATCH (t:Actor {id: $targetId})
CALL (t) {
  MATCH (x)-[r:ATTRIBUTED_TO|SUGGESTS]->(t) WHERE r.mergedFrom = $sourceId
  WITH DISTINCT x ORDER BY x.id
  SET x._lock = true REMOVE x._lock
}
RETURN CASE WHEN t IS NULL THEN null ELSE coalesce(t.version, 0) END AS targetVersion,
       EXISTS { (:MergedActor {id: $sourceId})-[:MERGED_INTO]->(t) } AS tombstone
// params
{
  "sourceId": "solntsepek",
  "targetId": "sandworm"
}

// ── wave 2 · transaction undoMerge · 3 of 5 · undoMerge
MATCH (m:MergedActor {id: $sourceId})-[:MERGED_INTO]->(t:Actor {id: $targetId})
MERGE (s:Actor {id: $sourceId}) ON CREATE SET s._created = true
WITH * WHERE s._created
REMOVE s._created
SET s = $sourceProps, s.version = coalesce($sourceProps.version, 0) + 1
WITH s, t, m
CALL (t, s) {
  MATCH (x)-[r:ATTRIBUTED_TO]->(t) WHERE x <> s AND r.mergedFrom = $sourceId
  CREATE (x)-[moved:ATTRIBUTED_TO]->(s) SET moved = properties(r) REMOVE moved.mergedFrom
  DELETE r
}
CALL (t, s) {
  MATCH (x)-[r:SUGGESTS]->(t) WHERE x <> s AND r.mergedFrom = $sourceId
  CREATE (x)-[moved:SUGGESTS]->(s) SET moved = properties(r) REMOVE moved.mergedFrom
  DELETE r
}
CALL (t, s) {
  MATCH (t)-[r:ORIGINATES_FROM]->(x) WHERE x <> s AND r.mergedFrom = $sourceId
  CREATE (s)-[moved:ORIGINATES_FROM]->(x) SET moved = properties(r) REMOVE moved.mergedFrom
  DELETE r
}
CALL (t, s) {
  MATCH (t)-[r:SPONSORED_BY]->(x) WHERE x <> s AND r.mergedFrom = $sourceId
  CREATE (s)-[moved:SPONSORED_BY]->(x) SET moved = properties(r) REMOVE moved.mergedFrom
  DELETE r
}
CALL (t, s) {
  MATCH (t)-[r:TARGETS]->(x) WHERE x <> s AND r.mergedFrom = $sourceId
  CREATE (s)-[moved:TARGETS]->(x) SET moved = properties(r) REMOVE moved.mergedFrom
  DELETE r
}
CALL (t, s) {
  MATCH (t)-[r:AFFILIATED_WITH]->(x) WHERE x <> s AND r.mergedFrom = $sourceId
  CREATE (s)-[moved:AFFILIATED_WITH]->(x) SET moved = properties(r) REMOVE moved.mergedFrom
  DELETE r
}
CALL (t, s) {
  MATCH (x)-[r:AFFILIATED_WITH]->(t) WHERE x <> s AND r.mergedFrom = $sourceId
  CREATE (x)-[moved:AFFILIATED_WITH]->(s) SET moved = properties(r) REMOVE moved.mergedFrom
  DELETE r
}
CALL (t, s) {
  MATCH (t)-[r:FROM_DATASET]->(x) WHERE x <> s AND r.mergedFrom = $sourceId
  CREATE (s)-[moved:FROM_DATASET]->(x) SET moved = properties(r) REMOVE moved.mergedFrom
  DELETE r
}
CALL (s, t) {
  UNWIND $between AS tie
  FOREACH (_ IN CASE WHEN tie.outgoing THEN [1] ELSE [] END | CREATE (s)-[r:AFFILIATED_WITH]->(t) SET r = tie.props)
  FOREACH (_ IN CASE WHEN tie.outgoing THEN [] ELSE [1] END | CREATE (t)-[r:AFFILIATED_WITH]->(s) SET r = tie.props)
}
CALL (s, t) {
  MATCH (x:MergedActor)-[e:MERGED_INTO]->(t) WHERE x.id IN $repointed
  CREATE (x)-[:MERGED_INTO]->(s) DELETE e
}
SET t.aliases = $targetProps.aliases, t.externalIds = $targetProps.externalIds,
    t.mergedIds = $targetProps.mergedIds, t.version = $targetVersion + 1
DETACH DELETE m
WITH s
CREATE (:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by, via: $change.via,
  action: 'UNDO_MERGE', entityType: 'Actor', entityKey: $sourceId, before: $change.before, after: $change.after})
CREATE (:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by, via: $change.via,
  action: 'UNDO_MERGE', entityType: 'Actor', entityKey: $targetId, before: $change.before, after: $change.after})
RETURN s {.*} AS source
// params
{
  "between": [
    {
      "outgoing": true,
      "props": {
        "kind": "SUBGROUP"
      }
    }
  ],
  "change": {
    "action": "UNDO_MERGE",
    "after": "{\"source\":{\"motivations\":[\"SABOTAGE\",\"INFLUENCE\"],\"aliases\":[\"Solntsepyok\"],\"firstSeen\":\"2023\",\"externalIds\":[],\"name\":\"Solntsepek\",\"description\":\"Self-described hacktivist persona that claimed the December 2023 Kyivstar attack. Mandiant assesses it to be a front for Sandworm (APT44).\",\"id\":\"solntsepek\",\"type\":\"HACKTIVIST\",\"version\":1},\"target\":{\"motivations\":[\"SABOTAGE\",\"ESPIONAGE\",\"INFLUENCE\"],\"aliases\":[\"Sandworm Team\",\"Voodoo Bear\",\"IRIDIUM\",\"Seashell Blizzard\",\"APT44\",\"ELECTRUM\",\"TeleBots\",\"Iron Viking\",\"GRU Unit 74455\",\"GTsST\"],\"firstSeen\":\"2009\",\"externalIds\":[\"G0034\"],\"name\":\"Sandworm\",\"description\":\"Russian military intelligence (GRU) cyber unit that the US Department of Justice identifies as Unit 74455 (Main Centre for Special Technologies). It has been charged with or attributed the 2015 and 2016 Ukrainian power-grid attacks, NotPetya and Olympic Destroyer.\",\"id\":\"sandworm\",\"type\":\"STATE\",\"version\":1},\"between\":[{\"outgoing\":true,\"props\":{\"kind\":\"SUBGROUP\"}}],\"repointed\":[]}",
    "before": "{\"mergeChangeId\":\"<uuid>\"}",
    "by": "ad",
    "entityKey": "solntsepek",
    "entityType": "Actor",
    "via": "api-key"
  },
  "repointed": [],
  "sourceId": "solntsepek",
  "sourceProps": {
    "aliases": [
      "Solntsepyok"
    ],
    "description": "Self-described hacktivist persona that claimed the December 2023 Kyivstar attack. Mandiant assesses it to be a front for Sandworm (APT44).",
    "externalIds": [],
    "firstSeen": "2023",
    "id": "solntsepek",
    "motivations": [
      "SABOTAGE",
      "INFLUENCE"
    ],
    "name": "Solntsepek",
    "type": "HACKTIVIST",
    "version": 1
  },
  "targetId": "sandworm",
  "targetProps": {
    "aliases": [
      "Sandworm Team",
      "Voodoo Bear",
      "IRIDIUM",
      "Seashell Blizzard",
      "APT44",
      "ELECTRUM",
      "TeleBots",
      "Iron Viking",
      "GRU Unit 74455",
      "GTsST"
    ],
    "externalIds": [
      "G0034"
    ],
    "mergedIds": null
  },
  "targetVersion": 2
}

// ── wave 2 · transaction undoMerge · 4 of 5 · targetProfiles:rowsOfActors
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

// ── wave 2 · transaction undoMerge · 5 of 5 · targetProfiles:write
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
      "actorId": "solntsepek",
      "rows": "[[\"2023-12-kyivstar\",50,\"2023-12-12\",\"2023-12-19\",[\"finance\",\"telecommunications\"],[\"UA\"],[\"SABOTAGE\",\"WIPER\"],[]]]",
      "totals": {
        "featureKeys": [
          "CUA",
          "Sfinance",
          "Stelecommunications",
          "TSABOTAGE",
          "TWIPER"
        ],
        "firmKeys": [
          "CUA",
          "Sfinance",
          "Stelecommunications",
          "TSABOTAGE",
          "TWIPER"
        ],
        "firstEnd": "2023-12-19",
        "firstStart": "2023-12-12",
        "incidents": 1,
        "lastEnd": "2023-12-19",
        "maxConfidence": 50,
        "nextConfidence": null,
        "rowsVersion": "rDzudF5kFEXZQO_fS4peMN",
        "singleKeys": [
          "CUA",
          "Sfinance",
          "Stelecommunications",
          "TSABOTAGE",
          "TWIPER"
        ]
      }
    },
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
