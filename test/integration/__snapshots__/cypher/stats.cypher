// { stats(filter: { sectorIds: ["energy"], from: "2015-01-01" }) { incidents actors sectors countriesAffected attributedIncidents unattributedIncidents } }
// 1 statement(s) in 1 wave(s)

// ── wave 1 · read · analysis:stats
UNWIND $sectorIds AS sectorId_1 MATCH (:Sector {id: sectorId_1})<-[:TARGETED]-(i:Incident) WITH DISTINCT i
WHERE i.endDate >= date($from)
WITH collect(i) AS incidents
CALL (incidents) {
  UNWIND incidents AS i
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor)
  RETURN count(DISTINCT i) AS attributedIncidents
}
CALL (incidents) {
  CALL (incidents) { UNWIND incidents AS i MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor)  RETURN a.id AS key }
  RETURN count(DISTINCT key) AS actors
}
CALL (incidents) {
  CALL (incidents) { UNWIND incidents AS i MATCH (i)-[:TARGETED]->(s:Sector) RETURN s.id AS key }
  RETURN count(DISTINCT key) AS sectors
}
CALL (incidents) {
  CALL (incidents) { UNWIND incidents AS i MATCH (i)-[:AFFECTED]->(c:Country) RETURN c.iso2 AS key }
  RETURN count(DISTINCT key) AS countriesAffected
}
RETURN size(incidents) AS incidents, actors, sectors, countriesAffected, attributedIncidents,
       size(incidents) - attributedIncidents AS unattributedIncidents
// params
{
  "from": "2015-01-01",
  "sectorIds": [
    "energy",
    "electricity",
    "oil",
    "gas",
    "nuclear",
    "district-heating"
  ]
}
