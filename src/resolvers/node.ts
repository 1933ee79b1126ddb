import type { Resolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import type { NodeType } from '../db/graph-model.js';
import { parseGlobalId } from '../graphql/global-id.js';
import type { NodeRows } from '../repositories/node-repository.js';

/** A row tagged with its GraphQL type, for `Node` and `SearchResult`, whose members share shapes. */
export type Tagged = NodeRows[NodeType] & { __typename: NodeType };

export async function loadNode(id: string, { loaders }: Context): Promise<Tagged | null> {
  const parsed = parseGlobalId(id);
  if (!parsed) return null;
  const row = await loaders.node(parsed.type).load(parsed.key);
  return row ? { ...row, __typename: parsed.type } : null;
}

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_parent, { id }, context) => loadNode(id, context),
    nodes: (_parent, { ids }, context) => Promise.all(ids.map((id) => loadNode(id, context))),
  },
  Node: {
    // Rows of different types can look alike (a campaign and an organization both have id and
    // name), so the type travels with the row from where it was loaded.
    __resolveType: (row) => (row as unknown as Tagged).__typename,
  },
};
