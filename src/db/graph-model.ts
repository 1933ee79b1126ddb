/**
 * The node labels of the graph model with their key property: the nodes the graph's traversals
 * walk (neighbourhoods, paths, projections), each unique on its key. Labels are never taken from
 * user input: Cypher that must name a label takes it from this allow-list.
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

/**
 * Every type of node that can be fetched by type and key: the model's labels, and Dataset, a
 * record of imports (keyed by `id`) that the traversals never walk.
 */
export type NodeType = NodeLabel | 'Dataset';

export const nodeTypes: readonly NodeType[] = [...nodeLabels, 'Dataset'];

/** The key property of a node type. */
export const keyOf = (type: NodeType): string => (type === 'Dataset' ? 'id' : nodeKeys[type]);

/** A node named by type and key. */
export interface NodeRef {
  type: NodeType;
  key: string;
}

/** A node's name across types, `Actor:sandworm`: a sector and an actor may share a key. */
export const nodeIdentity = (node: NodeRef): string => `${node.type}:${node.key}`;

/** A node of the graph model, which traversals walk. */
export interface GraphNodeRef extends NodeRef {
  type: NodeLabel;
}

export const isNodeType = (name: string): name is NodeType =>
  (nodeTypes as readonly string[]).includes(name);

export const isNodeLabel = (name: string): name is NodeLabel =>
  (nodeLabels as readonly string[]).includes(name);
