/**
 * The graph view's part of the address: `node=` names a start node (a global id) and repeats, one
 * per node expanded, in the order they were; with none, the view shows the filter's projection,
 * and `projection=true` keeps the projection when nodes were expanded from it. The filter's own
 * parameters sit beside them, untouched.
 */
export const nodeParam = 'node';
export const projectionParam = 'projection';

/** The start nodes an address names, each once, in order. */
export const startNodesOf = (params: URLSearchParams): string[] => [
  ...new Set(params.getAll(nodeParam).filter((id) => id.trim() !== '')),
];

/** Whether the graph holds the filter's projection: with no start node, or kept by the address. */
export const showsProjection = (params: URLSearchParams): boolean =>
  startNodesOf(params).length === 0 || params.get(projectionParam) === 'true';

/** The address with one more node expanded (the same address if it already is). */
export function withNodeExpanded(params: URLSearchParams, nodeId: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (startNodesOf(params).includes(nodeId)) return next;
  if (startNodesOf(params).length === 0) next.set(projectionParam, 'true');
  next.append(nodeParam, nodeId);
  return next;
}

/** The address started afresh from one node (the filter kept). */
export function withStartNode(params: URLSearchParams, nodeId: string): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete(nodeParam);
  next.delete(projectionParam);
  next.append(nodeParam, nodeId);
  return next;
}
