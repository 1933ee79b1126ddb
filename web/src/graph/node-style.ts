/**
 * How each kind of node and edge looks, in one table: the canvas, the legend and the SVG export
 * all read it, so the three always agree.
 */
export const nodeTypes = [
  'Actor',
  'Incident',
  'Sector',
  'Country',
  'Organization',
  'Campaign',
  'Source',
] as const;

export type NodeType = (typeof nodeTypes)[number];

/** The node shapes sigma draws (its built-in SDF shapes) and the SVG export redraws. */
export type NodeShape = 'circle' | 'square' | 'triangle' | 'diamond';

export interface NodeLook {
  color: string;
  shape: NodeShape;
}

// A categorical palette; the shapes tell the types apart where colours alone do not (colour-vision
// deficiencies, a print in grey).
export const nodeLooks: Record<NodeType, NodeLook> = {
  Actor: { color: '#d62728', shape: 'diamond' },
  Incident: { color: '#1f77b4', shape: 'circle' },
  Sector: { color: '#2ca02c', shape: 'square' },
  Country: { color: '#ff7f0e', shape: 'triangle' },
  Organization: { color: '#9467bd', shape: 'square' },
  Campaign: { color: '#17becf', shape: 'diamond' },
  Source: { color: '#7f7f7f', shape: 'circle' },
};

/** A type the API may add later is drawn, in grey, rather than dropped. */
const unknownLook: NodeLook = { color: '#444444', shape: 'circle' };

export const isNodeType = (type: string): type is NodeType =>
  (nodeTypes as readonly string[]).includes(type);

export const lookOf = (type: string): NodeLook =>
  isNodeType(type) ? nodeLooks[type] : unknownLook;

/** The relationship types of the model, coloured by what they say. */
export const edgeColors: Record<string, string> = {
  ATTRIBUTED_TO: '#d62728',
  ORIGINATES_FROM: '#ff7f0e',
  SPONSORED_BY: '#e6a400',
  AFFILIATED_WITH: '#8c564b',
  TARGETS: '#bcbd22',
  REPORTED_TARGETS: '#bcbd22',
  TARGETS_SECTOR: '#2ca02c',
  HITS_COUNTRY: '#ff7f0e',
  TARGETED: '#98df8a',
  AFFECTED: '#ffbb78',
  HIT: '#c5b0d5',
  PART_OF: '#9edae5',
  REPORTED_BY: '#c7c7c7',
  LOCATED_IN: '#dbdb8d',
  IN_SECTOR: '#98df8a',
  SUBSECTOR_OF: '#b5cf6b',
};

export const edgeColorOf = (type: string): string => edgeColors[type] ?? '#b0b0b0';

/**
 * A claim's edge (and reported victimology's) is as thick as it is confident, 1 px at 0 to 6 px at
 * 100; any other edge keeps the size the API gives it (growing with its weight).
 */
export const edgeSize = (apiSize: number, confidence: number | null): number =>
  confidence === null ? apiSize : 1 + confidence / 20;
