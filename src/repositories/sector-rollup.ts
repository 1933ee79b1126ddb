import { fragment, variable, type Fragment } from '../db/cypher.js';

/**
 * The top-level sector of the sector `sector`: its parent, or itself. The comprehension binds a
 * variable of its own, so it captures none of the caller's.
 */
export function topLevelSector(sector: Fragment): Fragment;
/** The same as text, for the callers not yet written as fragments. */
export function topLevelSector(sector: string): string;
export function topLevelSector(sector: Fragment | string): Fragment | string {
  if (typeof sector === 'string')
    return `coalesce([(${sector})-[:SUBSECTOR_OF]->(rollupParent:Sector) | rollupParent][0], ${sector})`;
  const parent = variable('rollupParent');
  return fragment`coalesce([(${sector})-[:SUBSECTOR_OF]->(${parent}:Sector) | ${parent}][0], ${sector})`;
}

/** That the sector `reported` is `sector` itself or its parent. */
export function coversSector(reported: Fragment, sector: Fragment): Fragment;
/** The same as text, for the callers not yet written as fragments. */
export function coversSector(reported: string, sector: string): string;
export function coversSector(
  reported: Fragment | string,
  sector: Fragment | string,
): Fragment | string {
  if (typeof reported === 'string' && typeof sector === 'string')
    return `(${reported} = ${sector} OR EXISTS { (${sector})-[:SUBSECTOR_OF]->(${reported}) })`;
  if (typeof reported === 'string' || typeof sector === 'string')
    throw new TypeError('coversSector takes two fragments or two texts');
  return fragment`(${reported} = ${sector} OR EXISTS { (${sector})-[:SUBSECTOR_OF]->(${reported}) })`;
}
