import type { Resolvers } from '../__generated__/resolvers-types.js';
import type { NodeType } from '../db/graph-model.js';
import { connectionOf } from '../graphql/connection.js';
import { keyFor, keysFor, nodeArgument, toGlobalId } from '../graphql/global-id.js';
import {
  actorKind,
  campaignKind,
  incidentKind,
  organizationKind,
  sourceKind,
} from '../mutations/entity-kinds.js';
import { createEntity, deleteEntity, updateEntity } from '../mutations/entity-mutations.js';
import { changeIncidentLinks, type IncidentLinks } from '../mutations/incident-links.js';
import { mergeActors, undoMerge } from '../mutations/merge-mutations.js';
import type { MutationContext } from '../mutations/mutation-context.js';
import { setStateClaims, type StateClaimInput } from '../mutations/state-claim-mutations.js';
import {
  addAttribution,
  retractAttribution,
  updateAttribution,
} from '../mutations/attribution-mutations.js';
import {
  changeKeyset,
  entityChanges,
  type AuditedEntity,
} from '../repositories/change-repository.js';

/** Neo4j keeps no null properties, so a creation's `before` comes back absent. */
const parsed = (json: string | null | undefined): Record<string, unknown> | null =>
  json == null ? null : (JSON.parse(json) as Record<string, unknown>);

const hypothesisPrefix = 'Hypothesis:';

/** The entity whose audit trail is asked for: a node's global id, or `Hypothesis:<its id>`. */
const auditedEntity = (id: string): AuditedEntity =>
  id.startsWith(hypothesisPrefix)
    ? { type: 'Hypothesis', key: id.slice(hypothesisPrefix.length) }
    : nodeArgument(id, 'entityId');

/** The entity an `id` argument names, by key. */
const keyOfId = (type: NodeType, id: string): string => keyFor(type, id, 'id');

/** A value whose `sourceIds` argument (ids or global ids) is given by key. */
function withSourceKeys<Value extends { sourceIds?: readonly string[] | null }>(
  value: Value,
  argument: string,
): Value {
  return value.sourceIds
    ? { ...value, sourceIds: keysFor('Source', value.sourceIds, argument) }
    : value;
}

/** Deletes the entity an `id` argument names; answers its global id and its audit record's id. */
async function deleted(
  context: MutationContext,
  kind: Parameters<typeof deleteEntity>[1],
  id: string,
  version: number,
): Promise<{ id: string; changeId: string }> {
  const key = keyOfId(kind.label, id);
  const { changeId } = await deleteEntity(context, kind, key, version);
  return { id: toGlobalId(kind.label, key), changeId };
}

/** An incident's links by key. */
const linkKeys = (links: IncidentLinks): IncidentLinks => ({
  ...links,
  ...(links.sectorIds && { sectorIds: keysFor('Sector', links.sectorIds, 'links.sectorIds') }),
  ...(links.organizationIds && {
    organizationIds: keysFor('Organization', links.organizationIds, 'links.organizationIds'),
  }),
  ...(links.sourceIds && { sourceIds: keysFor('Source', links.sourceIds, 'links.sourceIds') }),
  ...(links.campaignId != null && {
    campaignId: keyFor('Campaign', links.campaignId, 'links.campaignId'),
  }),
});

/** State claims with their sources by key; `at` names the claim (`origin`, `sponsors.1`). */
const claimKeys = (
  claims: readonly StateClaimInput[],
  at: (index: number) => string,
): StateClaimInput[] =>
  claims.map((claim, i) => ({
    ...claim,
    sourceIds: claim.sourceIds.map((id, j) => keyFor('Source', id, `${at(i)}.sourceIds.${j}`)),
  }));

/**
 * Thin: ids become keys here; every mutation's validation, authorisation, transaction and audit
 * live in src/mutations.
 */
export const mutationResolvers: Resolvers = {
  Query: {
    changes: (_parent, args, { executor }) => {
      const entity = auditedEntity(args.entityId);
      return connectionOf(
        args,
        changeKeyset,
        (c) => [c.at, c.id],
        (page) => entityChanges(executor, entity, page),
      );
    },
  },
  Mutation: {
    createActor: (_parent, { input }, context) => createEntity(context, actorKind, input),
    updateActor: (_parent, { id, version, patch }, context) =>
      updateEntity(context, actorKind, keyOfId('Actor', id), version, patch),
    deleteActor: (_parent, { id, version }, context) => deleted(context, actorKind, id, version),
    createCampaign: (_parent, { input }, context) => createEntity(context, campaignKind, input),
    updateCampaign: (_parent, { id, version, patch }, context) =>
      updateEntity(context, campaignKind, keyOfId('Campaign', id), version, patch),
    deleteCampaign: (_parent, { id, version }, context) =>
      deleted(context, campaignKind, id, version),
    createOrganization: (_parent, { input }, context) =>
      createEntity(context, organizationKind, input),
    updateOrganization: (_parent, { id, version, patch }, context) =>
      updateEntity(context, organizationKind, keyOfId('Organization', id), version, patch),
    deleteOrganization: (_parent, { id, version }, context) =>
      deleted(context, organizationKind, id, version),
    createSource: (_parent, { input }, context) => createEntity(context, sourceKind, input),
    updateSource: (_parent, { id, version, patch }, context) =>
      updateEntity(context, sourceKind, keyOfId('Source', id), version, patch),
    deleteSource: (_parent, { id, version }, context) => deleted(context, sourceKind, id, version),
    createIncident: (_parent, { input }, context) =>
      createEntity(context, incidentKind, withSourceKeys(input, 'input.sourceIds')),
    updateIncident: (_parent, { id, version, patch }, context) =>
      updateEntity(context, incidentKind, keyOfId('Incident', id), version, patch),
    deleteIncident: (_parent, { id, version }, context) =>
      deleted(context, incidentKind, id, version),
    linkIncident: (_parent, { id, version, links }, context) =>
      changeIncidentLinks(context, keyOfId('Incident', id), version, linkKeys(links), 'link'),
    unlinkIncident: (_parent, { id, version, links }, context) =>
      changeIncidentLinks(context, keyOfId('Incident', id), version, linkKeys(links), 'unlink'),
    setActorOrigin: (_parent, { id, version, origin }, context) =>
      setStateClaims(
        context,
        'ORIGINATES_FROM',
        keyOfId('Actor', id),
        version,
        claimKeys(origin ? [origin] : [], () => 'origin'),
        'origin',
      ),
    setActorSponsors: (_parent, { id, version, sponsors }, context) =>
      setStateClaims(
        context,
        'SPONSORED_BY',
        keyOfId('Actor', id),
        version,
        claimKeys(sponsors, (i) => `sponsors.${i}`),
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
    addAttribution: (_parent, args, context) => {
      const incidentId = keyFor('Incident', args.incidentId, 'incidentId');
      const actorId = keyFor('Actor', args.actorId, 'actorId');
      return addAttribution(context, { ...withSourceKeys(args, 'sourceIds'), incidentId, actorId });
    },
    updateAttribution: (_parent, { id, version, patch }, context) =>
      updateAttribution(context, id, version, withSourceKeys(patch, 'patch.sourceIds')),
    retractAttribution: (_parent, { id, version }, context) =>
      retractAttribution(context, id, version),
  },
  Change: {
    entityId: (change) => toGlobalId(change.entityType as NodeType, change.entityKey),
    before: (change) => parsed(change.before),
    after: (change) => parsed(change.after),
  },
};
