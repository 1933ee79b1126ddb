import type { Resolvers } from '../__generated__/resolvers-types.js';
import { pageOf } from '../graphql/arguments.js';
import { keyFor, nodeArgument, toGlobalId, type NodeType } from '../graphql/global-id.js';
import {
  actorKind,
  campaignKind,
  organizationKind,
  sourceKind,
} from '../mutations/entity-kinds.js';
import { createEntity, deleteEntity, updateEntity } from '../mutations/entity-mutations.js';
import {
  addAttribution,
  retractAttribution,
  updateAttribution,
} from '../mutations/attribution-mutations.js';
import { entityChanges } from '../repositories/change-repository.js';

/** Neo4j keeps no null properties, so a creation's `before` comes back absent. */
const parsed = (json: string | null | undefined): Record<string, unknown> | null =>
  json == null ? null : (JSON.parse(json) as Record<string, unknown>);

/** Thin: every mutation's validation, authorisation, transaction and audit live in src/mutations. */
export const mutationResolvers: Resolvers = {
  Query: {
    changes: (_parent, args, { executor }) =>
      entityChanges(executor, nodeArgument(args.entityId, 'entityId'), pageOf(args)),
  },
  Mutation: {
    createActor: (_parent, { input }, context) => createEntity(context, actorKind, input),
    updateActor: (_parent, { id, version, patch }, context) =>
      updateEntity(context, actorKind, keyFor('Actor', id, 'id'), version, patch),
    deleteActor: (_parent, { id, version }, context) =>
      deleteEntity(context, actorKind, keyFor('Actor', id, 'id'), version),
    createCampaign: (_parent, { input }, context) => createEntity(context, campaignKind, input),
    updateCampaign: (_parent, { id, version, patch }, context) =>
      updateEntity(context, campaignKind, keyFor('Campaign', id, 'id'), version, patch),
    deleteCampaign: (_parent, { id, version }, context) =>
      deleteEntity(context, campaignKind, keyFor('Campaign', id, 'id'), version),
    createOrganization: (_parent, { input }, context) =>
      createEntity(context, organizationKind, input),
    updateOrganization: (_parent, { id, version, patch }, context) =>
      updateEntity(context, organizationKind, keyFor('Organization', id, 'id'), version, patch),
    deleteOrganization: (_parent, { id, version }, context) =>
      deleteEntity(context, organizationKind, keyFor('Organization', id, 'id'), version),
    createSource: (_parent, { input }, context) => createEntity(context, sourceKind, input),
    updateSource: (_parent, { id, version, patch }, context) =>
      updateEntity(context, sourceKind, keyFor('Source', id, 'id'), version, patch),
    deleteSource: (_parent, { id, version }, context) =>
      deleteEntity(context, sourceKind, keyFor('Source', id, 'id'), version),
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
