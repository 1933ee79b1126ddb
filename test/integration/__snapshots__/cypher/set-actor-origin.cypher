// mutation ($id: ID!, $version: Int!, $sourceIds: [ID!]!) { setActorOrigin(id: $id, version: $version, origin: { country: "RU", confidence: 60, sourceIds: $sourceIds }) { version origin { confidence country { code } } } }
// variables {
//   "id": "Actor:killnet",
//   "sourceIds": [
//     "Source:src-08081ea9debdcf6d"
//   ],
//   "version": 1
// }
// 5 statement(s) in 3 wave(s)

// ── wave 1 · transaction setActorOrigin · 1 of 3 · lockStateClaimsForEdit
MATCH (a:Actor {id: $id})
SET a._lock = true REMOVE a._lock
WITH * WHERE a.id = $id
RETURN properties(a) AS props,
       COLLECT { MATCH (a)-[r]->(c:Country) WHERE type(r) = $tie
                 RETURN {country: c.iso2, confidence: r.confidence, sourceIds: coalesce(r.sourceIds, [])}
                 ORDER BY c.iso2 } AS claims
// params
{
  "id": "killnet",
  "tie": "ORIGINATES_FROM"
}

// ── wave 1 · transaction setActorOrigin · 2 of 3 · lockReferences
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
  "actors": [],
  "campaigns": [],
  "incidents": [],
  "organizations": [],
  "sources": [
    "src-08081ea9debdcf6d"
  ]
}

// ── wave 1 · transaction setActorOrigin · 3 of 3 · replace:ORIGINATES_FROM
MATCH (a:Actor {id: $id})
 SET a.version = $version + 1
 WITH a
 CALL (a) { MATCH (a)-[r:ORIGINATES_FROM]->(:Country) DELETE r }
 CALL (a) {
   UNWIND $claims AS claim
   MATCH (c:Country {iso2: claim.country})
   CREATE (a)-[r:ORIGINATES_FROM]->(c) SET r.confidence = claim.confidence, r.sourceIds = claim.sourceIds
 }
 WITH a
 CREATE (ch:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by,
via: $change.via, action: $change.action, entityType: $change.entityType,
entityKey: $change.entityKey, before: $change.before, after: $change.after})
 RETURN a {.*} AS actor
// params
{
  "change": {
    "action": "UPDATE",
    "after": "{\"motivations\":[\"HACKTIVISM\",\"DISRUPTION\"],\"aliases\":[],\"firstSeen\":\"2022\",\"externalIds\":[],\"name\":\"Killnet\",\"description\":\"Pro-Russian hacktivist collective that appeared in early 2022. It organised DDoS attacks through Telegram against government, transport and financial websites in countries supporting Ukraine.\",\"id\":\"killnet\",\"type\":\"HACKTIVIST\",\"version\":2,\"origin\":[{\"country\":\"RU\",\"confidence\":60,\"sourceIds\":[\"src-08081ea9debdcf6d\"]}]}",
    "before": "{\"motivations\":[\"HACKTIVISM\",\"DISRUPTION\"],\"aliases\":[],\"firstSeen\":\"2022\",\"externalIds\":[],\"name\":\"Killnet\",\"description\":\"Pro-Russian hacktivist collective that appeared in early 2022. It organised DDoS attacks through Telegram against government, transport and financial websites in countries supporting Ukraine.\",\"id\":\"killnet\",\"type\":\"HACKTIVIST\",\"version\":1,\"origin\":[{\"country\":\"RU\",\"confidence\":50,\"sourceIds\":[\"src-cb1cf54b083b805d\",\"src-3973ab3b405614d8\"]}]}",
    "by": "ed",
    "entityKey": "killnet",
    "entityType": "Actor",
    "via": "api-key"
  },
  "claims": [
    {
      "confidence": 60,
      "country": "RU",
      "sourceIds": [
        "src-08081ea9debdcf6d"
      ]
    }
  ],
  "id": "killnet",
  "version": 1
}

// ── wave 2 · read · actorOrigins
UNWIND $ids AS id MATCH (:Actor {id: id})-[r:ORIGINATES_FROM]->(c:Country)
WITH id, c, r ORDER BY r.confidence DESC, c.iso2
RETURN id AS parentId, collect({countryCode: c.iso2, confidence: r.confidence, sourceIds: coalesce(r.sourceIds, [])}) AS rows
// params
{
  "ids": [
    "killnet"
  ]
}

// ── wave 3 · read · findCountrys
UNWIND $keys AS key MATCH (n:Country {iso2: key}) RETURN key, n {.*} AS row
// params
{
  "keys": [
    "RU"
  ]
}
