import {
  fragment,
  param,
  statement,
  where,
  type Param,
  type Selection,
  type Statement,
} from '../db/cypher.js';
import { cypher, type Executor } from '../db/database.js';
import type { PlainValue } from '../db/values.js';
import type { NodeType } from '../db/graph-model.js';
import {
  keysetPage,
  type Keyset,
  type KeysetPage,
  type PagedRows,
  type SortKey,
} from './keyset.js';
import type { Viewer } from '../auth/viewer.js';

/**
 * The audit trail: every mutation writes one `(:Change)` node in its own transaction — who, when,
 * what, and the entity's properties before and after (as JSON text, since Neo4j properties hold no
 * maps). Changes point at their entity by type and key rather than by a relationship, so they
 * survive the entity's deletion and never enter the graph's traversals (neighbourhoods, paths).
 * An import writes one per node it creates or changes, in the transaction of its batch.
 */
export type ChangeAction =
  | 'CREATE'
  | 'UPDATE'
  | 'DELETE'
  | 'ADD_ATTRIBUTION'
  | 'UPDATE_ATTRIBUTION'
  | 'RETRACT_ATTRIBUTION'
  | 'MERGE'
  | 'UNDO_MERGE';

export interface ChangeRow {
  id: string;
  at: string;
  by: string;
  via: string;
  action: ChangeAction;
  entityType: string;
  entityKey: string;
  /** Absent for a creation (Neo4j stores no nulls). */
  before?: string | null;
  /** Absent for a deletion. */
  after?: string | null;
  /** For a change an import made: the file it read, and that file's SHA-256 (hex). */
  importFile?: string | null;
  importSha256?: string | null;
}

/** The file an import reads, named in the audit record of every change it makes. */
export interface ImportOrigin {
  /** The file as the import was given it (several, comma-separated, for the seeds). */
  file: string;
  sha256: string;
  /** The dataset the import's records point at; absent when it records none. */
  datasetId?: string;
}

/** A node's stored properties, or its links read as a map. */
export type StoredMap = { [key: string]: PlainValue };

/** What an import statement did to one node it created or changed. */
export interface ImportedChange {
  key: string;
  /** Null for a node the import created. */
  before: StoredMap | null;
  beforeLinks: StoredMap | null;
  after: StoredMap;
  afterLinks: StoredMap | null;
}

/** Parameters for CREATE_IMPORT_CHANGES: one record per changed node, before and after with links. */
export function importChangeParams(
  origin: ImportOrigin,
  entityType: string,
  changes: readonly ImportedChange[],
): { origin: ImportOrigin; entityType: string; changes: Record<string, unknown>[] } {
  return {
    origin,
    entityType,
    changes: changes.map((change) => ({
      key: change.key,
      action: change.before === null ? 'CREATE' : 'UPDATE',
      before:
        change.before === null ? null : JSON.stringify({ ...change.before, ...change.beforeLinks }),
      after: JSON.stringify({ ...change.after, ...change.afterLinks }),
    })),
  };
}

/**
 * Cypher creating one audit record of an import: the action, the key, before and after as JSON
 * text, from expressions in scope; `$entityType` and `$origin` are the statement's parameters.
 */
const importChange = (action: string, key: string, before: string, after: string) =>
  `CREATE (:Change {id: randomUUID(), at: datetime.realtime(), by: 'import', via: 'import',
     action: ${action}, entityType: $entityType, entityKey: ${key}, before: ${before}, after: ${after},
     importFile: $origin.file, importSha256: $origin.sha256})`;

/**
 * Cypher recording the nodes a batch of an import created, in one record naming their keys
 * (`keys`, a list in scope): a first import creates every node it writes, and a record each would
 * double what it writes. The values are the nodes' own until something changes them, and every
 * change after that is recorded with its before.
 */
export const importCreations = (keys: string) =>
  `CREATE (:Change {id: randomUUID(), at: datetime.realtime(), by: 'import', via: 'import',
     action: 'CREATE', entityType: $entityType, entityKeys: ${keys},
     importFile: $origin.file, importSha256: $origin.sha256})`;

/** The audit records of what an import's batch changed, written in the batch's own transaction. */
export const CREATE_IMPORT_CHANGES = cypher<never>(
  'import:changes',
  `UNWIND $changes AS c
   ${importChange('c.action', 'c.key', 'c.before', 'c.after')}`,
);

/** Parameters for the CREATE_CHANGE fragment, named `change` in the statement. */
export function changeParams(
  viewer: Viewer,
  action: ChangeAction,
  entityType: string,
  entityKey: string,
  before: unknown,
  after: unknown,
): { change: Record<string, unknown> } {
  return {
    change: {
      by: viewer.id,
      via: viewer.via,
      action,
      entityType,
      entityKey,
      before: before === null ? null : JSON.stringify(before),
      after: after === null ? null : JSON.stringify(after),
    },
  };
}

/** Cypher that records `$change` (see changeParams) and binds it to `ch`; goes inside a write. */
export const CREATE_CHANGE = `CREATE (ch:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by,
  via: $change.via, action: $change.action, entityType: $change.entityType,
  entityKey: $change.entityKey, before: $change.before, after: $change.after})`;

/** The entity's own records, and the records of the import batches that created it among others. */
const aboutEntity = (type: string, key: Param): Selection => ({
  match: fragment`MATCH (ch:Change {entityType: ${param(type, 'type')}})`,
  conditions: [fragment`(ch.entityKey = ${key} OR ${key} IN ch.entityKeys)`],
});

/** What has an audit trail: every node type, and hypotheses (kept beside the graph, not in it). */
export interface AuditedEntity {
  type: NodeType | 'Hypothesis';
  key: string;
}

/** Newest first, ties by id; positions are ISO date-times. */
const CHANGE_ORDER: readonly SortKey[] = [
  { by: fragment`ch.at`, direction: 'DESC', cast: (value) => fragment`datetime(${value})` },
  { by: fragment`ch.id`, direction: 'ASC' },
];

/** One entity's changes, a page of them. */
function entityChangesStatement(
  entity: AuditedEntity,
  page: KeysetPage,
): Statement<{ change: ChangeRow }> {
  const key = param(entity.key, 'key');
  const { match, conditions } = aboutEntity(entity.type, key);
  const keyset = keysetPage(CHANGE_ORDER, page);
  return statement(
    'changes',
    fragment`${match} ${where([...conditions, keyset.after])}
   RETURN ch {.id, .by, .via, .action, .entityType, .before, .after, .importFile, .importSha256,
              entityKey: ${key}, at: toString(ch.at)} AS change
   ${keyset.orderBy} ${keyset.limit}`,
  );
}

/** How many changes the entity has. */
function entityChangeCountStatement(entity: AuditedEntity): Statement<{ count: number }> {
  const { match, conditions } = aboutEntity(entity.type, param(entity.key, 'key'));
  return statement(
    'changesCount',
    fragment`${match} ${where(conditions)} RETURN count(ch) AS count`,
  );
}

export const changeKeyset: Keyset = { list: 'changes', parts: ['instant', 'text'] };

/** One entity's audit trail, a page of it (keyset on the timestamp, then the id). */
export async function entityChanges(
  executor: Executor,
  entity: AuditedEntity,
  page: KeysetPage,
): Promise<PagedRows<ChangeRow>> {
  const list = entityChangesStatement(entity, page);
  const count = entityChangeCountStatement(entity);
  return {
    rows: (await executor.read(list.query, list.params)).map((r) => r.change),
    count: async () => (await executor.read(count.query, count.params))[0]?.count ?? 0,
  };
}
