import type { ExplorerGraph } from './explorer-graph.js';

/** graphology's own serialisation (`graph.export()`), which `Graph.from` reads back as it is. */
export const jsonOf = (graph: ExplorerGraph): string =>
  `${JSON.stringify(graph.export(), null, 2)}\n`;
