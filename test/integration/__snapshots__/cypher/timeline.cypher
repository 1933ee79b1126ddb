// { timeline(bucket: QUARTER, groupBy: SECTOR, filter: { from: "2022-01-01" }) { buckets series { key counts total } tooCoarse } }
// 1 statement(s) in 1 wave(s)

// ── wave 1 · read · analysis:timeline
MATCH (i:Incident)
WHERE i.endDate >= date($from)
WITH i, i.datePrecision IN $fine AS fine
WITH i, fine, CASE WHEN fine THEN [(i)-[:TARGETED]->(s:Sector) | coalesce([(s)-[:SUBSECTOR_OF]->(rollupParent_1:Sector) | rollupParent_1][0], s).id] ELSE [] END AS keys
UNWIND CASE WHEN size(keys) = 0 THEN [null] ELSE keys END AS key
WITH fine, key, i.startDate AS day, count(DISTINCT i) AS perDay
WITH fine, key, CASE WHEN fine THEN date.truncate($unit, day) END AS bucketStart, sum(perDay) AS count
RETURN collect(CASE WHEN fine THEN {bucketStart: toString(bucketStart), key: key, count: count} END) AS points,
  sum(CASE WHEN NOT fine THEN count ELSE 0 END) AS tooCoarse
// params
{
  "fine": [
    "DAY",
    "MONTH"
  ],
  "from": "2022-01-01",
  "unit": "quarter"
}
