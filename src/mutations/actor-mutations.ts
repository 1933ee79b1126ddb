import { requireRole } from '../auth/authorize.js';
import type { Context } from '../context.js';
import { appError, ErrorCode } from '../errors.js';
import { toGlobalId } from '../graphql/global-id.js';
import { actorSchema, slugSchema } from '../import/native/format.js';
import { slugify } from '../import/slug.js';
import {
  ACTOR_FOR_EDIT,
  CREATE_ACTOR,
  DELETE_ACTOR,
  UPDATE_ACTOR,
} from '../repositories/actor-write-repository.js';
import { changeParams } from '../repositories/change-repository.js';
import type { ActorRow } from '../repositories/rows.js';
import { validated } from './validation.js';
import { changedMeanwhile, conflictUnlessVersion, notFound, versionOf } from './versions.js';

/** The actor's own properties, validated as the native dataset format validates them. */
const actorFields = actorSchema.pick({
  name: true,
  aliases: true,
  type: true,
  motivations: true,
  description: true,
  firstSeen: true,
  lastSeen: true,
  externalIds: true,
});
const createSchema = actorFields.extend({ key: slugSchema.nullish() });
const patchSchema = actorFields.partial();

export async function createActor(
  { viewer, executor }: Context,
  input: Record<string, unknown>,
): Promise<ActorRow> {
  requireRole(viewer, 'editor', 'createActor');
  const { key, ...fields } = validated(createSchema, input, 'input');
  const id = key ?? slugify(fields.name);
  const props = {
    id,
    ...fields,
    description: fields.description ?? null,
    firstSeen: fields.firstSeen ?? null,
    lastSeen: fields.lastSeen ?? null,
    version: 1,
  };
  const [row] = await executor.write(CREATE_ACTOR, {
    props,
    ...changeParams(viewer, 'CREATE', 'Actor', id, null, props),
  });
  if (!row)
    throw appError(
      ErrorCode.CONFLICT,
      `An actor with the key "${id}" exists already: give input.key.`,
      {
        field: 'input.key',
      },
    );
  return row.actor;
}

export async function updateActor(
  { viewer, executor }: Context,
  key: string,
  version: number,
  patch: Record<string, unknown>,
): Promise<ActorRow> {
  requireRole(viewer, 'editor', 'updateActor');
  const changes = validated(patchSchema, patch, 'patch');
  const [current] = await executor.read(ACTOR_FOR_EDIT, { id: key });
  if (!current) throw notFound('Actor', key, 'id');
  conflictUnlessVersion('Actor', key, version, versionOf(current.props));
  const after = {
    ...current.props,
    // zod leaves out what the patch left out; a null clears an optional field.
    ...changes,
    version: version + 1,
  };
  const [row] = await executor.write(UPDATE_ACTOR, {
    id: key,
    version,
    props: after,
    ...changeParams(viewer, 'UPDATE', 'Actor', key, current.props, after),
  });
  if (!row) throw changedMeanwhile('Actor', key);
  return row.actor;
}

export async function deleteActor(
  { viewer, executor }: Context,
  key: string,
  version: number,
): Promise<{ id: string; changeId: string }> {
  requireRole(viewer, 'admin', 'deleteActor');
  const [current] = await executor.read(ACTOR_FOR_EDIT, { id: key });
  if (!current) throw notFound('Actor', key, 'id');
  conflictUnlessVersion('Actor', key, version, versionOf(current.props));
  if (current.attributions > 0)
    throw appError(
      ErrorCode.CONFLICT,
      `Actor "${key}" is named by ${current.attributions} attribution claims, which are kept for the record: retract them or merge the actor into another instead.`,
    );
  const [row] = await executor.write(DELETE_ACTOR, {
    id: key,
    version,
    ...changeParams(viewer, 'DELETE', 'Actor', key, current.props, null),
  });
  if (!row) throw changedMeanwhile('Actor', key);
  return { id: toGlobalId('Actor', key), changeId: row.id };
}
