// { timeline(bucket: YEAR) { buckets series { key label counts total } } }
// 1 statement(s) in 1 wave(s)

// ── wave 1 · read · analysis:timeline
MATCH (i:Incident)

WITH collect(i) AS incidents
CALL (incidents) {
  UNWIND incidents AS i
  WITH i WHERE i.datePrecision IN $fine
  WITH i, date.truncate($unit, i.startDate) AS bucketStart
  WITH i, bucketStart, ['all'] AS keys
  UNWIND CASE WHEN size(keys) = 0 THEN [null] ELSE keys END AS key
  WITH bucketStart, key, count(DISTINCT i) AS count
  RETURN collect({bucketStart: toString(bucketStart), key: key, count: count}) AS points
}
RETURN points, size([i IN incidents WHERE NOT i.datePrecision IN $fine]) AS tooCoarse
// params
{
  "fine": [
    "DAY",
    "MONTH",
    "YEAR"
  ],
  "unit": "year"
}
