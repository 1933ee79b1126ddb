import type { Resolvers } from '../__generated__/resolvers-types.js';

/** `totalCount` runs its count query only when a client asks for it. */
const lazyCount = {
  totalCount: (connection: { totalCount: () => Promise<number> }) => connection.totalCount(),
};

/** Count edges carry the counted row as their node; the edge shows its parts. */
const countEdge = {
  node: <Node>(edge: { node: { node: Node } }) => edge.node.node,
  incidentCount: (edge: { node: { incidentCount: number } }) => edge.node.incidentCount,
  firstDate: (edge: { node: { firstDate: string } }) => edge.node.firstDate,
  lastDate: (edge: { node: { lastDate: string } }) => edge.node.lastDate,
};

export const connectionResolvers: Resolvers = {
  ActorCountEdge: countEdge,
  SectorCountEdge: countEdge,
  CountryCountEdge: countEdge,
  ActorConnection: lazyCount,
  IncidentConnection: lazyCount,
  CampaignConnection: lazyCount,
  OrganizationConnection: lazyCount,
  ActorCountConnection: lazyCount,
  SectorCountConnection: lazyCount,
  CountryCountConnection: lazyCount,
  ChangeConnection: lazyCount,
};
