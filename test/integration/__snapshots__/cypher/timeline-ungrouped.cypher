// { timeline(bucket: YEAR) { buckets series { key label counts total } } }
// 1 statement(s) in 1 wave(s)

// ── wave 1 · read · analysis:timeline
MATCH (i:Incident)

WITH i, true AS fine
WITH i, fine, 'all' AS key
WITH fine, key, i.startDate AS day, count(*) AS perDay
WITH fine, key, CASE WHEN fine THEN date.truncate($unit, day) END AS bucketStart, sum(perDay) AS count
RETURN collect(CASE WHEN fine THEN {bucketStart: toString(bucketStart), key: key, count: count} END) AS points,
  sum(CASE WHEN NOT fine THEN count ELSE 0 END) AS tooCoarse
// params
{
  "unit": "year"
}
