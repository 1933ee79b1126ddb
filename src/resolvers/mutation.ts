import type { Resolvers } from '../__generated__/resolvers-types.js';
import { pageOf } from '../graphql/arguments.js';
import { toConnection } from '../graphql/connection.js';
import type { NodeType } from '../db/graph-model.js';
import { keyFor, nodeArgument, toGlobalId } from '../graphql/global-id.js';
import type { Context } from '../context.js';
import {
  actorKind,
  campaignKind,
  incidentKind,
  organizationKind,
  sourceKind,
  type EntityKind,
} from '../mutations/entity-kinds.js';
import { createEntity, deleteEntity, updateEntity } from '../mutations/entity-mutations.js';
import { changeIncidentLinks } from '../mutations/incident-links.js';
import { mergeActors, undoMerge } from '../mutations/merge-mutations.js';
import { setStateClaims } from '../mutations/state-claim-mutations.js';
import {
  addAttribution,
  retractAttribution,
  updateAttribution,
} from '../mutations/attribution-mutations.js';
import { changeKeyset, entityChanges } from '../repositories/change-repository.js';

/** Neo4j keeps no null properties, so a creation's `before` comes back absent. */
const parsed = (json: string | null | undefined): Record<string, unknown> | null =>
  json == null ? null : (JSON.parse(json) as Record<string, unknown>);

/** `createX`, `updateX` and `deleteX` for one kind of entity, each a one-line call. */
function editing<Stored, Row>(kind: EntityKind<Record<string, unknown>, Stored, Row>) {
  const key = (id: string) => keyFor(kind.label, id, 'id');
  type Versioned = { id: string; version: number };
  return {
    [`create${kind.label}`]: (
      _parent: unknown,
      { input }: { input: Record<string, unknown> },
      context: Context,
    ) => createEntity(context, kind, input),
    [`update${kind.label}`]: (
      _parent: unknown,
      { id, version, patch }: Versioned & { patch: Record<string, unknown> },
      context: Context,
    ) => updateEntity(context, kind, key(id), version, patch),
    [`delete${kind.label}`]: (_parent: unknown, { id, version }: Versioned, context: Context) =>
      deleteEntity(context, kind, key(id), version),
  };
}

/** Thin: every mutation's validation, authorisation, transaction and audit live in src/mutations. */
export const mutationResolvers: Resolvers = {
  Query: {
    changes: async (_parent, args, { executor }) => {
      const entity = nodeArgument(args.entityId, 'entityId');
      const page = pageOf(args, changeKeyset);
      return toConnection(await entityChanges(executor, entity, page), page, changeKeyset, (c) => [
        c.at,
        c.id,
      ]);
    },
  },
  Mutation: {
    ...editing(actorKind),
    ...editing(campaignKind),
    ...editing(organizationKind),
    ...editing(sourceKind),
    ...editing(incidentKind),
    linkIncident: (_parent, { id, version, links }, context) =>
      changeIncidentLinks(context, keyFor('Incident', id, 'id'), version, links, 'link'),
    unlinkIncident: (_parent, { id, version, links }, context) =>
      changeIncidentLinks(context, keyFor('Incident', id, 'id'), version, links, 'unlink'),
    setActorOrigin: (_parent, { id, version, origin }, context) =>
      setStateClaims(
        context,
        'ORIGINATES_FROM',
        keyFor('Actor', id, 'id'),
        version,
        origin ? [origin] : [],
        'origin',
      ),
    setActorSponsors: (_parent, { id, version, sponsors }, context) =>
      setStateClaims(
        context,
        'SPONSORED_BY',
        keyFor('Actor', id, 'id'),
        version,
        sponsors,
        'sponsors',
      ),
    mergeActors: (_parent, { sourceId, sourceVersion, targetId, targetVersion }, context) =>
      mergeActors(
        context,
        keyFor('Actor', sourceId, 'sourceId'),
        sourceVersion,
        keyFor('Actor', targetId, 'targetId'),
        targetVersion,
      ),
    undoMerge: (_parent, { changeId }, context) => undoMerge(context, changeId),
    addAttribution: (_parent, args, context) => addAttribution(context, args),
    updateAttribution: (_parent, { id, version, patch }, context) =>
      updateAttribution(context, id, version, patch),
    retractAttribution: (_parent, { id, version }, context) =>
      retractAttribution(context, id, version),
  },
  Change: {
    entityId: (change) => toGlobalId(change.entityType as NodeType, change.entityKey),
    before: (change) => parsed(change.before),
    after: (change) => parsed(change.after),
  },
};
