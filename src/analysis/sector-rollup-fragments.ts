import { trusted, type Fragment } from '../db/cypher.js';
import { coversSector, topLevelSector } from '../repositories/sector-rollup.js';

/*
 * The sector roll-up as fragments, over sector variables the caller's text binds. The roll-up's
 * Cypher is written once, in the repositories; these only carry it into fragments.
 */

/** The top-level sector of the sector bound to `sector`: its parent, or itself. */
export const topSectorOf = (sector: string): Fragment => trusted(topLevelSector(sector));

/** That the sector `reported` is `sector` itself or its parent. */
export const sectorCovers = (reported: string, sector: string): Fragment =>
  trusted(coversSector(reported, sector));
