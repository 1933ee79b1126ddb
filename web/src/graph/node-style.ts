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
  /** Size before the node's degree is added. */
  baseSize: number;
}

// A categorical palette; the shapes tell the types apart where colours alone do not (colour-vision
// deficiencies, a print in grey).
export const nodeLooks: Record<NodeType, NodeLook> = {
  Actor: { color: '#d62728', shape: 'diamond', baseSize: 9 },
  Incident: { color: '#1f77b4', shape: 'circle', baseSize: 5 },
  Sector: { color: '#2ca02c', shape: 'square', baseSize: 6 },
  Country: { color: '#ff7f0e', shape: 'triangle', baseSize: 7 },
  Organization: { color: '#9467bd', shape: 'square', baseSize: 5 },
  Campaign: { color: '#17becf', shape: 'diamond', baseSize: 7 },
  Source: { color: '#7f7f7f', shape: 'circle', baseSize: 3 },
};

/** A type the API may add later is drawn, in grey, rather than dropped. */
const unknownLook: NodeLook = { color: '#444444', shape: 'circle', baseSize: 4 };

export const isNodeType = (type: string): type is NodeType =>
  (nodeTypes as readonly string[]).includes(type);

export const lookOf = (type: string): NodeLook =>
  isNodeType(type) ? nodeLooks[type] : unknownLook;

/** Hubs grow with the square root of their degree, capped so that no node hides its neighbours. */
export const nodeSize = (type: string, degree: number): number =>
  lookOf(type).baseSize + Math.min(10, 1.5 * Math.sqrt(degree));

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
 * A claim's edge is as thick as the claim is confident (1 px at 0, 6 px at 100); a projection's
 * edge grows with the incidents behind it; any other relationship is a hairline.
 */
export function edgeSize(type: string, weight: number, confidence: number | null): number {
  if (confidence !== null) return 1 + confidence / 20;
  if (type === 'TARGETS_SECTOR' || type === 'HITS_COUNTRY')
    return Math.min(6, 1 + Math.log2(Math.max(1, weight)));
  return 1;
}
