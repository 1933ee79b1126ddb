import type { Resolvers } from '../__generated__/resolvers-types.js';
import {
  crossBorderKeysets,
  crossBorderList,
  crossBorderRows,
  crossBorderSortValue,
} from '../analysis/cross-border.js';
import { suggestAttributions } from '../analysis/attribution.js';
import { coTargeting } from '../analysis/co-targeting.js';
import { matrixCells, shapeMatrix } from '../analysis/matrix.js';
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

export const analysisResolvers: Resolvers = {
  Query: {
    stats: (_parent, { filter, basis }, { executor, taxonomy }) =>
      stats(executor, incidentConditions(filter, taxonomy), analysisBasis(basis, filter)),
    actorSectorMatrix: async (
      _parent,
      { filter, basis, topActors, topSectors },
      { executor, taxonomy },
    ) =>
      shapeMatrix(
        await matrixCells(
          executor,
          incidentConditions(filter, taxonomy),
          analysisBasis(basis, filter),
        ),
        inRange('topActors', topActors, 1, 100),
        inRange('topSectors', topSectors, 1, 100),
      ),
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
    projection: (_parent, { filter, basis, minWeight }, { executor, taxonomy }) =>
      projection(
        executor,
        incidentConditions(filter, taxonomy),
        analysisBasis(basis, filter),
        minWeight,
      ),
    neighborhood: (_parent, { ids, depth, limit, filter }, { executor, taxonomy }) =>
      neighborhood(
        executor,
        ids.map((id) => graphNodeArgument(id, 'ids')),
        inRange('depth', depth, 1, 3),
        inRange('limit', limit, 1, 1000),
        incidentConditions(filter, taxonomy),
      ),
    paths: async (_parent, { from, to, maxHops, first }, { executor, loaders }) => {
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
      return { ...shapeTimeline(points, tooCoarse, bucket), bucket, groupBy };
    },
    crossBorder: async (_parent, args, { executor, taxonomy }, info) => {
      const filter = incidentConditions(args.filter, taxonomy);
      const basis = analysisBasis(args.basis, args.filter);
      const order = orderOf(args.orderBy, { field: 'INCIDENT_COUNT', direction: 'DESC' });
      const keyset = crossBorderKeysets[order.field];
      const page = pageOf(args, keyset);
      const selected = SelectedFields.of(info);
      const list = await crossBorderList(executor, filter, basis, order, page, {
        parts: connectionParts(selected),
        reported: selected.under('edges').under('node').has('reported'),
      });
      return {
        ...toConnection(list, page, keyset, (row) => [
          crossBorderSortValue(row, order.field),
          row.rowKey,
        ]),
        unknownOrigin: async () =>
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
          ).slice(0, page.first),
      };
    },
  },
  ActorSectorMatrix: {
    actors: (matrix, _args, { loaders }) => loadLinked(loaders, 'Actor', matrix.actorIds),
    sectors: (matrix, _args, { loaders }) => loadLinked(loaders, 'Sector', matrix.sectorIds),
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
    label: async (series, _args, { loaders, taxonomy }) => {
      if (series.key === null) return null;
      const sector = taxonomy.sectors.find((s) => s.id === series.key);
      if (sector) return sector.name;
      const attackType = taxonomy.attackTypes.find((t) => t.id === series.key);
      if (attackType) return attackType.name;
      const country = taxonomy.countries.find((c) => c.iso2 === series.key);
      if (country) return country.name;
      return (await loaders.node('Actor').load(series.key))?.name ?? series.key;
    },
  },
  CrossBorderConnection: {
    totalCount: (connection) => connection.totalCount(),
    unknownOrigin: (connection) => connection.unknownOrigin(),
  },
};
