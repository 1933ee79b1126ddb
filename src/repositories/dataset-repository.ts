import { z } from 'zod';
import { cypher, type CypherQuery, type Executor } from '../db/database.js';
import type { EditableLabel } from './entity-write-repository.js';
import type { DatasetRow, Parented } from './rows.js';

/**
 * Provenance: every import is a `(:Dataset)`, known by the slug of its name, that the incidents
 * and actors it brought point to (`FROM_DATASET`) and whose id the attribution claims it brought
 * list in `datasetIds`. A dataset is a record of imports, like the audit trail: never part of the
 * graph model's traversals (paths, neighbourhoods, projections).
 */

/** What one import did with one kind of record, as the dataset keeps it. */
export const datasetCountsSchema = z.array(
  z.object({
    kind: z.string(),
    read: z.number(),
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    rejected: z.number(),
  }),
);
export type DatasetCounts = z.infer<typeof datasetCountsSchema>;

/** What an import that wrote records about its dataset once it is done. */
export interface DatasetImport {
  id: string;
  name: string;
  format: string;
  files: string[];
  sha256: string;
  counts: DatasetCounts;
  /** Problems listed (records rejected, references to nothing), values dropped, records skipped. */
  issues: number;
  dropped: number;
  skipped: number;
}

/**
 * The dataset, before an import writes its first record, so every batch can point at it. The
 * first name given is kept: a name that slugs alike names the same dataset.
 */
const OPEN_DATASET = cypher<{ id: string }>(
  'dataset:open',
  `MERGE (d:Dataset {id: $id}) ON CREATE SET d.name = $name RETURN d.id AS id`,
);

export async function openDataset(
  executor: Executor,
  dataset: { id: string; name: string },
): Promise<void> {
  await executor.write(OPEN_DATASET, dataset);
}

/**
 * The summary of a finished import. An import of the bytes the dataset already holds, finished
 * before, leaves it as it was: re-importing a file changes nothing in the graph, its dataset
 * included, and `importedAt` says when these bytes came in.
 */
const RECORD_IMPORT = cypher<{ id: string }>(
  'dataset:recordImport',
  `MATCH (d:Dataset {id: $id})
   WHERE d.importedAt IS NULL OR d.sha256 IS NULL OR d.sha256 <> $sha256
   SET d.format = $format, d.files = $files, d.sha256 = $sha256, d.counts = $counts,
       d.issues = $issues, d.dropped = $dropped, d.skipped = $skipped,
       d.importedAt = datetime.realtime()
   RETURN d.id AS id`,
);

export async function recordDatasetImport(
  executor: Executor,
  summary: DatasetImport,
): Promise<void> {
  await executor.write(RECORD_IMPORT, { ...summary, counts: JSON.stringify(summary.counts) });
}

/**
 * Statements that point a batch's records at the dataset, in the batch's transaction; labels
 * without one are not tracked. Incidents rebuild their claims on every import, keeping the
 * `datasetIds` each claim had, so a claim seen by two imports lists both.
 */
export const LINK_TO_DATASET: Partial<Record<EditableLabel, CypherQuery<never>>> = {
  Incident: cypher<never>(
    'dataset:linkIncidents',
    `MATCH (d:Dataset {id: $datasetId})
     UNWIND $rows AS row
     MATCH (n:Incident {id: row.id})
     MERGE (n)-[:FROM_DATASET]->(d)
     WITH n, row
     CALL (n, row) {
       UNWIND row.attributions AS at
       MATCH (n)-[r:ATTRIBUTED_TO {id: at.props.id}]->(:Actor)
       SET r.datasetIds = CASE WHEN $datasetId IN coalesce(r.datasetIds, []) THEN r.datasetIds
                               ELSE coalesce(r.datasetIds, []) + $datasetId END
     }`,
  ),
  Actor: cypher<never>(
    'dataset:linkActors',
    `MATCH (d:Dataset {id: $datasetId})
     UNWIND $rows AS row
     MATCH (n:Actor {id: row.id})
     MERGE (n)-[:FROM_DATASET]->(d)`,
  ),
};

const LIST_DATASETS = cypher<{ row: DatasetRow }>(
  'dataset:list',
  `MATCH (d:Dataset) RETURN d {.*} AS row ORDER BY d.importedAt DESC, d.id`,
);

/** Every dataset, the most recently imported first (one not finished yet, first of all). */
export async function listDatasets(executor: Executor): Promise<DatasetRow[]> {
  return (await executor.read(LIST_DATASETS)).map((r) => r.row);
}

export interface DatasetSizeRow {
  incidents: number;
  actors: number;
  claims: number;
}

export const DATASET_SIZES = cypher<Parented<DatasetSizeRow>>(
  'datasetSizes',
  `UNWIND $ids AS id MATCH (d:Dataset {id: id})
   RETURN id AS parentId, [{
     incidents: COUNT { (:Incident)-[:FROM_DATASET]->(d) },
     actors: COUNT { MATCH (a:Actor)-[:FROM_DATASET]->(d) RETURN DISTINCT a },
     claims: COUNT { MATCH (:Dataset {id: id})<-[:FROM_DATASET]-(:Incident)-[r:ATTRIBUTED_TO]->(:Actor) WHERE id IN r.datasetIds }
   }] AS rows`,
);

export const INCIDENT_DATASETS = cypher<Parented<DatasetRow>>(
  'incidentDatasets',
  `UNWIND $ids AS id MATCH (:Incident {id: id})-[:FROM_DATASET]->(d:Dataset)
   WITH id, d ORDER BY d.id RETURN id AS parentId, collect(d {.*}) AS rows`,
);

/** An actor merged from two may hold two links to one dataset: each dataset once. */
export const ACTOR_DATASETS = cypher<Parented<DatasetRow>>(
  'actorDatasets',
  `UNWIND $ids AS id MATCH (:Actor {id: id})-[:FROM_DATASET]->(d:Dataset)
   WITH DISTINCT id, d ORDER BY d.id RETURN id AS parentId, collect(d {.*}) AS rows`,
);
