/**
 * Cypher for the top-level sector of the sector bound to `variable`: its parent, or itself. The
 * comprehension's own variable name keeps it from capturing a caller's `p` or `parent`.
 */
export const topLevelSector = (variable: string): string =>
  `coalesce([(${variable})-[:SUBSECTOR_OF]->(rollupParent:Sector) | rollupParent][0], ${variable})`;

/** Cypher that holds when the sector `reported` is `sector` itself or its parent. */
export const coversSector = (reported: string, sector: string): string =>
  `(${reported} = ${sector} OR EXISTS { (${sector})-[:SUBSECTOR_OF]->(${reported}) })`;
