import type { Operation } from '../query-mix.js';
import { actorNested } from './actor-nested.js';
import { actorSectorMatrix } from './actor-sector-matrix.js';
import { crossBorder } from './cross-border.js';
import { incidentList } from './incident-list.js';
import { neighborhood } from './neighborhood.js';
import { search } from './search.js';
import { suggestAttributions } from './suggest-attributions.js';
import { timeline } from './timeline.js';
import type { BenchOperation } from './types.js';

const benchOperations: readonly BenchOperation[] = [
  incidentList,
  actorNested,
  crossBorder,
  actorSectorMatrix,
  timeline,
  neighborhood,
  search,
  suggestAttributions,
];

export interface MeasuredOperation {
  ours: Operation;
  bench: BenchOperation;
}

/**
 * Pairs every operation of the query mix with its floor and peer. A mix operation without one is
 * an error naming it, so a new operation cannot slip into the mix unmeasured.
 */
export function pairWithMix(mix: readonly Operation[]): MeasuredOperation[] {
  const byName = new Map(benchOperations.map((op) => [op.name, op]));
  return mix.map((ours) => {
    const bench = byName.get(ours.name);
    if (!bench)
      throw new Error(
        `the query mix has "${ours.name}" but bench/operations has no floor and peer for it`,
      );
    return { ours, bench };
  });
}
