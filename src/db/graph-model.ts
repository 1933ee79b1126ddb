/**
 * The node labels of the graph model (DESIGN §2) with their key property. Labels are never taken
 * from user input: Cypher that must name a label takes it from this allow-list.
 */
export const nodeKeys = {
  Actor: 'id',
  Incident: 'id',
  Sector: 'id',
  Country: 'iso2',
  Organization: 'id',
  Campaign: 'id',
  Source: 'id',
} as const;

export type NodeLabel = keyof typeof nodeKeys;

export const nodeLabels = Object.keys(nodeKeys) as NodeLabel[];
