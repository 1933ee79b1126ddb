import { fragment, variable, type Fragment } from '../db/cypher.js';

/**
 * The top-level sector of the sector `sector`: its parent, or itself. The comprehension binds a
 * variable of its own, so it captures none of the caller's.
 */
export function topLevelSector(sector: Fragment): Fragment {
  const parent = variable('rollupParent');
  return fragment`coalesce([(${sector})-[:SUBSECTOR_OF]->(${parent}:Sector) | ${parent}][0], ${sector})`;
}

/** That the sector `reported` is `sector` itself or its parent. */
export function coversSector(reported: Fragment, sector: Fragment): Fragment {
  return fragment`(${reported} = ${sector} OR EXISTS { (${sector})-[:SUBSECTOR_OF]->(${reported}) })`;
}
