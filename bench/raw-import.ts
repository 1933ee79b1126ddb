import type { Driver } from 'neo4j-driver';
import type { GraphRows, NodeBatch, RelationshipBatch } from './native-rows.js';

/**
 * The import's upper bound: the rows of a dataset written with plain batched `UNWIND $rows …
 * CREATE` through the driver into an empty, migrated database. No validation, no MERGE, no change
 * detection, no safety for a second import: what the database can take, for `cig import` to be
 * compared with.
 */

const nodeStatement = (batch: NodeBatch): string =>
  `UNWIND $rows AS row CREATE (n:${batch.label}) SET n = row${batch.dates
    .map((p) => `, n.${p} = CASE WHEN row.${p} IS NULL THEN null ELSE date(row.${p}) END`)
    .join('')}`;

const relationshipStatement = ({ type, from, to }: RelationshipBatch): string =>
  `UNWIND $rows AS row
   MATCH (a:${from[0]} {${from[1]}: row.from})
   MATCH (b:${to[0]} {${to[1]}: row.to})
   CREATE (a)-[r:${type}]->(b) SET r = row.props`;

/**
 * Writes the rows, `batchSize` per transaction, nodes before relationships. Labels and types in
 * the statements come from graphRows' fixed table, never from the file.
 */
export async function writeRows(
  driver: Driver,
  database: string,
  rows: GraphRows,
  batchSize: number,
): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    const write = async (statement: string, all: object[]) => {
      for (let at = 0; at < all.length; at += batchSize) {
        const batch = all.slice(at, at + batchSize);
        await session.executeWrite((tx) => tx.run(statement, { rows: batch }));
      }
    };
    for (const batch of rows.nodes) await write(nodeStatement(batch), batch.rows);
    for (const batch of rows.relationships) await write(relationshipStatement(batch), batch.rows);
  } finally {
    await session.close();
  }
}
