import type { Resolvers } from '../__generated__/resolvers-types.js';
import {
  countCrossBorderRows,
  crossBorderRows,
  crossBorderSortValue,
} from '../analysis/cross-border.js';
import { stats } from '../analysis/stats.js';
import { orderOf, pageOf } from '../graphql/arguments.js';
import { incidentConditions } from '../graphql/filters.js';
import { toPage } from '../repositories/pagination.js';

export const analysisResolvers: Resolvers = {
  Query: {
    stats: (_parent, { filter }, { executor, taxonomy }) =>
      stats(executor, incidentConditions(filter, taxonomy)),
    crossBorder: async (_parent, args, { executor, taxonomy }) => {
      const filter = incidentConditions(args.filter, taxonomy);
      const order = orderOf(args.orderBy, { field: 'INCIDENT_COUNT', direction: 'DESC' });
      const page = pageOf(args);
      const rows = await crossBorderRows(executor, filter, order, page, true);
      return {
        ...toPage(rows, page.first, (row) => [crossBorderSortValue(row, order.field), row.rowKey]),
        totalCount: () => countCrossBorderRows(executor, filter),
        unknownOrigin: async () =>
          (
            await crossBorderRows(
              executor,
              filter,
              { field: 'INCIDENT_COUNT', direction: 'DESC' },
              { first: page.first },
              false,
            )
          ).slice(0, page.first),
      };
    },
  },
  CrossBorderConnection: {
    totalCount: (connection) => connection.totalCount(),
    unknownOrigin: (connection) => connection.unknownOrigin(),
  },
};
