import type { Resolvers } from '../__generated__/resolvers-types.js';
import { connectionOf } from '../graphql/connection.js';
import { keyFor, keysFor } from '../graphql/global-id.js';
import {
  attachEvidence,
  createHypothesis,
  promoteHypothesis,
  updateHypothesis,
} from '../mutations/hypothesis-mutations.js';
import { hypothesisKeyset, listHypotheses } from '../repositories/hypothesis-repository.js';
import { loadLinked, required } from './related.js';

export const hypothesisResolvers: Resolvers = {
  Query: {
    hypotheses: async (_parent, args, { executor }) => {
      const conditions = {
        incidentId: args.incidentId ? keyFor('Incident', args.incidentId, 'incidentId') : null,
        actorId: args.actorId ? keyFor('Actor', args.actorId, 'actorId') : null,
        author: args.author ?? null,
        status: args.status ?? null,
      };
      return connectionOf(
        args,
        hypothesisKeyset,
        (h) => [h.createdAt, h.id],
        (page) => listHypotheses(executor, conditions, page),
      );
    },
  },
  Mutation: {
    createHypothesis: (_parent, { input }, context) => {
      const incidentId = keyFor('Incident', input.incidentId, 'input.incidentId');
      const actorId = keyFor('Actor', input.actorId, 'input.actorId');
      return createHypothesis(context, { ...input, incidentId, actorId });
    },
    updateHypothesis: (_parent, { id, version, patch }, context) =>
      updateHypothesis(context, id, version, patch),
    attachEvidence: (_parent, { id, version, incidentIds, sourceIds, saveSuggestions }, context) =>
      attachEvidence(context, id, version, {
        incidentIds: incidentIds && keysFor('Incident', incidentIds, 'incidentIds'),
        sourceIds: sourceIds && keysFor('Source', sourceIds, 'sourceIds'),
        saveSuggestions,
      }),
    promoteHypothesis: (_parent, { id, version, basis, claimedBy, sourceIds }, context) =>
      promoteHypothesis(context, id, version, {
        basis,
        claimedBy,
        sourceIds: sourceIds && keysFor('Source', sourceIds, 'sourceIds'),
      }),
  },
  Hypothesis: {
    status: (h) => h.status,
    incident: async (h, _args, { loaders }) =>
      required(await loaders.node('Incident').load(h.incidentId), 'Incident', h.incidentId),
    actor: async (h, _args, { loaders }) =>
      required(await loaders.node('Actor').load(h.actorId), 'Actor', h.actorId),
    evidenceIncidents: (h, _args, { loaders }) =>
      loadLinked(loaders, 'Incident', h.evidenceIncidentIds),
    evidenceSources: (h, _args, { loaders }) => loadLinked(loaders, 'Source', h.evidenceSourceIds),
    savedSuggestions: (h) =>
      h.savedSuggestions.map(
        (json) => JSON.parse(json) as { savedAt: string; candidates: Record<string, unknown>[] },
      ),
  },
  HypothesisConnection: {
    totalCount: (connection) => connection.totalCount(),
  },
};
