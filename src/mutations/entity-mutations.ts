import { requireRole } from '../auth/authorize.js';
import type { Transaction } from '../db/database.js';
import type { MutationContext } from './mutation-context.js';
import { ErrorCode, appError, notFound } from '../errors.js';
import { changeParams } from '../repositories/change-repository.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import {
  CREATE_ENTITY,
  DELETE_ENTITY,
  LOCK_ENTITY_FOR_EDIT,
  UPDATE_ENTITY,
  type EntityForEdit,
  type EntityProps,
} from '../repositories/entity-write-repository.js';
import {
  claimedActorIds,
  refreshProfilesOfIncidents,
} from '../repositories/target-profile-repository.js';
import type { EntityKind } from './entity-kinds.js';
import { nativeRecord } from './native-record.js';
import { invalid, type FieldProblem } from './validation.js';
import { changedMeanwhile, conflictUnlessVersion, versionOf } from './versions.js';

type Kind = EntityKind<Record<string, unknown>, never, unknown>;

/**
 * The stored properties of a node are exactly what its GraphQL type resolves from (the row types
 * in rows.ts describe stored nodes), so the written node is returned as the kind's row type.
 */
const asRow = <Row>(_kind: { readonly __row?: Row }, node: EntityProps): Row =>
  node as unknown as Row;

/**
 * Create, update and delete, the same way for every entity, each in one transaction: authorise,
 * lock the entity and what it links to, read it, validate and convert as the native importer
 * does, check the version, then write the entity, its links and its audit record.
 */
export async function createEntity<Stored, Row>(
  { viewer, executor, taxonomy }: MutationContext,
  kind: EntityKind<Record<string, unknown>, Stored, Row>,
  input: Record<string, unknown>,
): Promise<Row> {
  requireRole(viewer, 'editor', `create${kind.label}`);
  return executor.writeTransaction(`create${kind.label}`, async (tx) => {
    const { input: referenced, problems } = kind.references
      ? await kind.references(tx, input, 'input')
      : { input, problems: [] };
    const record = nativeRecord(
      kind.collection,
      kind.fromInput(referenced),
      taxonomy,
      'input',
      kind.fieldNames,
      problems,
    );
    const { props, links } = kind.toStored(record as Stored);
    const stored = { ...props, version: 1 };
    const [row] = await tx.run(CREATE_ENTITY[kind.label], {
      props: stored,
      links,
      ...changeParams(viewer, 'CREATE', kind.label, props.id, null, { ...stored, ...links }),
    });
    if (!row)
      throw appError(
        ErrorCode.CONFLICT,
        `A ${kind.label} with the key "${props.id}" exists already${kind.fixed.includes('id') ? ': give input.key' : ''}.`,
        { field: 'input.key' },
      );
    return asRow(kind, row.node);
  });
}

/** Marks the fields a patch sets to null, which `fromInput` would otherwise drop as absent. */
const CLEAR = Symbol('clear');
function patchWithNulls(patch: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v === null ? CLEAR : v]));
}

export function updateEntity<Stored, Row>(
  context: MutationContext,
  kind: EntityKind<Record<string, unknown>, Stored, Row>,
  key: string,
  version: number,
  patch: Record<string, unknown>,
): Promise<Row> {
  return updateEntityWith(context, kind, key, version, () => patch);
}

/** An update whose patch depends on the entity as it is under the lock (e.g. links added to it). */
export async function updateEntityWith<Stored, Row>(
  { viewer, executor, taxonomy }: MutationContext,
  kind: EntityKind<Record<string, unknown>, Stored, Row>,
  key: string,
  version: number,
  patchOf: (current: EntityForEdit) => Record<string, unknown>,
): Promise<Row> {
  requireRole(viewer, 'editor', `update${kind.label}`);
  return executor.writeTransaction(`update${kind.label}`, async (tx) => {
    const [current] = await tx.run(LOCK_ENTITY_FOR_EDIT[kind.label], { id: key });
    if (!current) throw notFound(kind.label, key, 'id');
    const patch = patchOf(current);
    const { input: referenced, problems } = kind.references
      ? await kind.references(tx, patch, 'patch')
      : { input: patch, problems: [] };
    const record = patched(kind, taxonomy, key, current, patch, referenced, problems);
    conflictUnlessVersion(kind.label, key, version, versionOf(current.props));
    const { props, links } = kind.toStored(record);
    // Properties this API does not edit (e.g. an import's signature) are kept as they were.
    const after = { ...current.props, ...props, version: version + 1 };
    const [row] = await tx.run(UPDATE_ENTITY[kind.label], {
      id: key,
      props: after,
      links,
      ...changeParams(
        viewer,
        'UPDATE',
        kind.label,
        key,
        { ...current.props, ...current.links },
        { ...after, ...links },
      ),
    });
    if (!row) throw changedMeanwhile(kind.label, key);
    await refreshProfilesOfIncident(tx, kind.label, key, current);
    return asRow(kind, row.node);
  });
}

/**
 * An incident's sectors, countries, attack types, campaign and dates are what its claimed actors'
 * target profiles count: an edit or a deletion of it recomputes theirs.
 */
async function refreshProfilesOfIncident(
  tx: Transaction,
  label: Kind['label'],
  key: string,
  current: EntityForEdit,
): Promise<void> {
  if (label === 'Incident')
    await refreshProfilesOfIncidents(tx, [key], claimedActorIds(current.links));
}

/**
 * The entity with the patch applied, in the native format's terms (left out stays, null clears),
 * validated as an import would be; `referenced` is the patch with its references resolved.
 */
function patched<Stored, Row>(
  kind: EntityKind<Record<string, unknown>, Stored, Row>,
  taxonomy: Taxonomy,
  key: string,
  current: EntityForEdit,
  patch: Record<string, unknown>,
  referenced: Record<string, unknown>,
  problems: FieldProblem[],
): Stored {
  const native = kind.toNative(current.props, current.links);
  const fixed = kind.fixed.filter((field) => field in patch && patch[field] !== native[field]);
  if (fixed.length > 0)
    throw invalid(
      fixed.map((field) => ({
        field: `patch.${field}`,
        reason: `is the ${kind.label}'s identity and cannot change; create a new one instead`,
      })),
    );
  const merged = Object.fromEntries(
    Object.entries({ ...native, ...kind.fromInput(patchWithNulls(referenced), key) }).filter(
      ([, value]) => value !== CLEAR,
    ),
  );
  return nativeRecord(
    kind.collection,
    merged,
    taxonomy,
    'patch',
    kind.fieldNames,
    problems,
  ) as Stored;
}

/** Refused while something refers to the entity, counted under its lock with what it deletes. */
export async function deleteEntity(
  { viewer, executor }: MutationContext,
  kind: Pick<Kind, 'label' | 'inUse'>,
  key: string,
  version: number,
): Promise<{ changeId: string }> {
  requireRole(viewer, 'admin', `delete${kind.label}`);
  return executor.writeTransaction(`delete${kind.label}`, async (tx) => {
    const [current] = await tx.run(LOCK_ENTITY_FOR_EDIT[kind.label], { id: key });
    if (!current) throw notFound(kind.label, key, 'id');
    conflictUnlessVersion(kind.label, key, version, versionOf(current.props));
    if (current.dependents > 0)
      throw appError(
        ErrorCode.CONFLICT,
        `${kind.label} "${key}" cannot be deleted: ${kind.inUse(current.dependents)}.`,
      );
    const [row] = await tx.run(DELETE_ENTITY[kind.label], {
      id: key,
      ...changeParams(
        viewer,
        'DELETE',
        kind.label,
        key,
        { ...current.props, ...current.links },
        null,
      ),
    });
    if (!row) throw changedMeanwhile(kind.label, key);
    await refreshProfilesOfIncident(tx, kind.label, key, current);
    return { changeId: row.changeId };
  });
}
