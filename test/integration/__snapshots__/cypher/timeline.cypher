// { timeline(bucket: QUARTER, groupBy: SECTOR, filter: { from: "2022-01-01" }) { buckets series { key counts total } tooCoarse } }
// 1 statement(s) in 1 wave(s)

// ── wave 1 · read · analysis:timeline
MATCH (i:Incident)
WHERE i.endDate >= date($from)
WITH collect(i) AS incidents
CALL (incidents) {
  UNWIND incidents AS i
  WITH i WHERE i.datePrecision IN $fine
  WITH i, date.truncate($unit, i.startDate) AS bucketStart
  WITH i, bucketStart, [(i)-[:TARGETED]->(s:Sector) | coalesce([(s)-[:SUBSECTOR_OF]->(rollupParent_1:Sector) | rollupParent_1][0], s).id] AS keys
  UNWIND CASE WHEN size(keys) = 0 THEN [null] ELSE keys END AS key
  WITH bucketStart, key, count(DISTINCT i) AS count
  RETURN collect({bucketStart: toString(bucketStart), key: key, count: count}) AS points
}
RETURN points, size([i IN incidents WHERE NOT i.datePrecision IN $fine]) AS tooCoarse
// params
{
  "fine": [
    "DAY",
    "MONTH"
  ],
  "from": "2022-01-01",
  "unit": "quarter"
}
