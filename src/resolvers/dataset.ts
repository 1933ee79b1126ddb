import type { Resolvers } from '../__generated__/resolvers-types.js';
import { keyFor, toGlobalId } from '../graphql/global-id.js';
import {
  datasetCountsSchema,
  listDatasets,
  type DatasetSizeRow,
} from '../repositories/dataset-repository.js';
import type { DatasetRow } from '../repositories/rows.js';
import { allRegions } from '../taxonomy/regions.js';
import type { Context } from '../context.js';
import { loadLinked } from './related.js';

const noSize: DatasetSizeRow = { incidents: 0, actors: 0, claims: 0 };

async function sizeOf(row: DatasetRow, { loaders }: Context): Promise<DatasetSizeRow> {
  return (await loaders.datasetSizes.load(row.id))[0] ?? noSize;
}

/** Provenance (datasets) and the regions filters name. */
export const datasetResolvers: Resolvers = {
  Query: {
    dataset: (_parent, { id }, { loaders }) =>
      loaders.node('Dataset').load(keyFor('Dataset', id, 'id')),
    datasets: (_parent, _args, { executor }) => listDatasets(executor),
    regions: () => allRegions(),
  },
  Dataset: {
    id: (row) => toGlobalId('Dataset', row.id),
    key: (row) => row.id,
    files: (row) => row.files ?? [],
    counts: (row) => (row.counts ? datasetCountsSchema.parse(JSON.parse(row.counts)) : []),
    issueCount: (row) => row.issues ?? 0,
    droppedCount: (row) => row.dropped ?? 0,
    skippedCount: (row) => row.skipped ?? 0,
    incidentCount: async (row, _args, context) => (await sizeOf(row, context)).incidents,
    actorCount: async (row, _args, context) => (await sizeOf(row, context)).actors,
    claimCount: async (row, _args, context) => (await sizeOf(row, context)).claims,
  },
  Incident: {
    datasets: (row, _args, { loaders }) => loaders.incidentDatasets.load(row.id),
    regions: (row) => row.regions ?? [],
  },
  Actor: {
    datasets: (row, _args, { loaders }) => loaders.actorDatasets.load(row.id),
  },
  Attribution: {
    datasets: (row, _args, { loaders }) => loadLinked(loaders, 'Dataset', row.datasetIds ?? []),
  },
  Region: {
    countries: (row, _args, { loaders }) => loadLinked(loaders, 'Country', row.countryCodes),
  },
};
