import type { Resolvers } from '../__generated__/resolvers-types.js';
import {
  crossBorderKeysets,
  crossBorderList,
  crossBorderRows,
  crossBorderSortValue,
} from '../analysis/cross-border.js';
import { suggestAttributions } from '../analysis/attribution.js';
import { coTargeting } from '../analysis/co-targeting.js';
import { foldedMatrix, shapeMatrix } from '../analysis/matrix.js';
import { shortestPaths } from '../analysis/paths.js';
import { neighborhood, projection } from '../analysis/subgraph.js';
import { stats } from '../analysis/stats.js';
import { shapeTimeline, timelinePoints } from '../analysis/timeline.js';
import { notFound } from '../errors.js';
import { existing, loadLinked, required } from './related.js';
import { inRange, orderOf, pageOf } from '../graphql/arguments.js';
import { connectionParts, toConnection } from '../graphql/connection.js';
import { SelectedFields } from '../graphql/selection.js';
import { analysisBasis, incidentConditions } from './filter-arguments.js';
import { graphNodeArgument, keyFor } from '../graphql/global-id.js';
import { subgraphSelection } from './subgraph.js';

export const analysisResolvers: Resolvers = {
  Query: {
    stats: (_parent, { filter, basis }, { executor, taxonomy }) =>
      stats(executor, incidentConditions(filter, taxonomy), analysisBasis(basis, filter)),
    actorSectorMatrix: async (
      _parent,
      { filter, basis, topActors, topSectors },
      { executor, taxonomy },
      info,
    ) => {
      const top = {
        actors: inRange('topActors', topActors, 1, 100),
        sectors: inRange('topSectors', topSectors, 1, 100),
      };
      const folded = await foldedMatrix(
        executor,
        incidentConditions(filter, taxonomy),
        analysisBasis(basis, filter),
        top.actors,
        top.sectors,
        {
          crossBorderShares: SelectedFields.of(info).has('crossBorderShares'),
          reported: SelectedFields.of(info).has('reported'),
        },
      );
      return shapeMatrix(folded, top.actors, top.sectors);
    },
    coTargeting: async (
      _parent,
      { actorId, by, filter, basis, first },
      { executor, loaders, taxonomy },
    ) => {
      const key = keyFor('Actor', actorId, 'actorId');
      await existing(loaders, 'Actor', key, 'actorId');
      return coTargeting(
        executor,
        key,
        incidentConditions(filter, taxonomy),
        by,
        analysisBasis(basis, filter),
        first,
      );
    },
    projection: (_parent, { filter, basis, minWeight }, { executor, taxonomy }, info) =>
      projection(
        executor,
        incidentConditions(filter, taxonomy),
        analysisBasis(basis, filter),
        minWeight,
        subgraphSelection(info, []),
      ),
    neighborhood: (_parent, { ids, depth, limit, filter }, { executor, taxonomy }, info) =>
      neighborhood(
        executor,
        ids.map((id) => graphNodeArgument(id, 'ids')),
        inRange('depth', depth, 1, 3),
        inRange('limit', limit, 1, 1000),
        incidentConditions(filter, taxonomy),
        subgraphSelection(info, []),
      ),
    paths: async (_parent, { from, to, maxHops, first }, { executor, loaders }, info) => {
      const start = graphNodeArgument(from, 'from');
      const end = graphNodeArgument(to, 'to');
      await Promise.all([
        existing(loaders, start.type, start.key, 'from'),
        existing(loaders, end.type, end.key, 'to'),
      ]);
      return shortestPaths(
        executor,
        start,
        end,
        inRange('maxHops', maxHops, 1, 6),
        inRange('first', first, 1, 100),
        subgraphSelection(info, ['subgraph']),
      );
    },
    suggestAttributions: async (_parent, { incidentId, first }, { executor }) => {
      const key = keyFor('Incident', incidentId, 'incidentId');
      const ranked = await suggestAttributions(executor, key, inRange('first', first, 1, 100));
      if (!ranked) throw notFound('Incident', key, 'incidentId');
      return ranked;
    },
    timeline: async (_parent, { filter, bucket, groupBy }, { executor, taxonomy }) => {
      const { points, tooCoarse } = await timelinePoints(
        executor,
        incidentConditions(filter, taxonomy),
        bucket,
        groupBy,
      );
      return { ...shapeTimeline(points, tooCoarse, bucket, groupBy), bucket, groupBy };
    },
    crossBorder: async (_parent, args, { executor, taxonomy }, info) => {
      const filter = incidentConditions(args.filter, taxonomy);
      const basis = analysisBasis(args.basis, args.filter);
      const order = orderOf(args.orderBy, { field: 'INCIDENT_COUNT', direction: 'DESC' });
      const keyset = crossBorderKeysets[order.field];
      const page = pageOf(args, keyset);
      const selected = SelectedFields.of(info);
      const unknownOriginLines = async () =>
        (
          await crossBorderRows(
            executor,
            filter,
            basis,
            { field: 'INCIDENT_COUNT', direction: 'DESC' },
            { first: page.first, after: null },
            false,
            selected.under('unknownOrigin').has('reported'),
          )
        ).slice(0, page.first);
      // The unknown-origin lines are a statement of their own: asked for, they run beside the
      // page's rather than after it, so the answer waits for the slower of the two, not both.
      const [list, unknownOrigin] = await Promise.all([
        crossBorderList(executor, filter, basis, order, page, {
          parts: connectionParts(selected),
          reported: selected.under('edges').under('node').has('reported'),
        }),
        selected.has('unknownOrigin') ? unknownOriginLines() : null,
      ]);
      return {
        ...toConnection(list, page, keyset, (row) => [
          crossBorderSortValue(row, order.field),
          row.rowKey,
        ]),
        unknownOrigin: async () => unknownOrigin ?? unknownOriginLines(),
      };
    },
  },
  CoTargetingMatch: {
    actor: async (row, _args, { loaders }) =>
      required(await loaders.node('Actor').load(row.actorId), 'Actor', row.actorId),
    sharedSectors: (row, _args, { loaders }) => loadLinked(loaders, 'Sector', row.sharedSectorIds),
    sharedCountries: (row, _args, { loaders }) =>
      loadLinked(loaders, 'Country', row.sharedCountryCodes),
  },
  AttributionCandidate: {
    actor: async (candidate, _args, { loaders }) =>
      required(await loaders.node('Actor').load(candidate.actorId), 'Actor', candidate.actorId),
    evidence: (candidate) => candidate,
  },
  AttributionEvidence: {
    sharedSectors: (e, _args, { loaders }) => loadLinked(loaders, 'Sector', e.sharedSectorIds),
    sharedCountries: (e, _args, { loaders }) =>
      loadLinked(loaders, 'Country', e.sharedCountryCodes),
    sameCampaignIncidents: (e, _args, { loaders }) =>
      loadLinked(loaders, 'Incident', e.sameCampaignIncidentIds),
    reportedSectors: (e, _args, { loaders }) => loadLinked(loaders, 'Sector', e.reportedSectorIds),
    reportedCountries: (e, _args, { loaders }) =>
      loadLinked(loaders, 'Country', e.reportedCountryCodes),
  },
  TimelineSeries: {
    // The group says what the key names: only an actor's name is looked up in the database.
    label: async ({ group, key }, _args, { loaders, taxonomy }) => {
      if (key === null) return null;
      switch (group) {
        case 'NONE':
          return key;
        case 'SECTOR':
          return taxonomy.sectors.find((s) => s.id === key)?.name ?? key;
        case 'ATTACK_TYPE':
          return taxonomy.attackTypes.find((t) => t.id === key)?.name ?? key;
        case 'COUNTRY':
          return taxonomy.countries.find((c) => c.iso2 === key)?.name ?? key;
        case 'ACTOR':
          return (await loaders.node('Actor').load(key))?.name ?? key;
      }
    },
  },
  CrossBorderConnection: {
    totalCount: (connection) => connection.totalCount(),
    unknownOrigin: (connection) => connection.unknownOrigin(),
  },
};
