// { changes(entityId: "Incident:2022-02-viasat-ka-sat", first: 2) { totalCount edges { node { action by via } } pageInfo { hasNextPage } } }
// 2 statement(s) in 2 wave(s)

// ── wave 1 · read · changes
MATCH (ch:Change {entityType: $type}) WHERE (ch.entityKey = $key OR $key IN ch.entityKeys)
RETURN ch {.id, .by, .via, .action, .entityType, .before, .after, .importFile, .importSha256,
           entityKey: $key, at: toString(ch.at)} AS change
ORDER BY ch.at DESC, ch.id ASC LIMIT toInteger($limit)
// params
{
  "key": "2022-02-viasat-ka-sat",
  "limit": 3,
  "type": "Incident"
}

// ── wave 2 · read · changesCount
MATCH (ch:Change {entityType: $type}) WHERE (ch.entityKey = $key OR $key IN ch.entityKeys) RETURN count(ch) AS count
// params
{
  "key": "2022-02-viasat-ka-sat",
  "type": "Incident"
}
