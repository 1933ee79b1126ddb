import type { AttributionRecord, IncidentRecord } from '../../src/import/records.js';
import { seeds } from './entity-pages.js';
import { topLevelSectors, topLevelSectorsOf } from './seed-facts.js';

/*
 * What the matrix and the timeline must show, worked out from the seed files, never from the API.
 */

/**
 * The matrix's cells: per actor and top-level sector, the incidents that a claim passing the
 * filter's claim conditions attributes to the actor and that hit the sector (or one of its
 * sub-sectors, counted once). The seeds hold no retracted claim.
 */
export function matrixPairs(
  incidents: readonly IncidentRecord[],
  claimPasses: (claim: AttributionRecord) => boolean = () => true,
): Map<string, Map<string, number>> {
  const pairs = new Map<string, Map<string, number>>();
  for (const incident of incidents) {
    const actors = new Set(incident.attributions.filter(claimPasses).map((c) => c.actorId));
    for (const actor of actors) {
      const row = pairs.get(actor) ?? new Map<string, number>();
      for (const sector of new Set(topLevelSectorsOf(incident)))
        row.set(sector, (row.get(sector) ?? 0) + 1);
      pairs.set(actor, row);
    }
  }
  return pairs;
}

const sum = (values: Iterable<number>): number => [...values].reduce((a, b) => a + b, 0);

/** Every actor's and every sector's total over the cells. */
export function matrixTotals(pairs: Map<string, Map<string, number>>): {
  actors: Map<string, number>;
  sectors: Map<string, number>;
} {
  const actors = new Map<string, number>();
  const sectors = new Map<string, number>();
  for (const [actor, row] of pairs) {
    actors.set(actor, sum(row.values()));
    for (const [sector, n] of row) sectors.set(sector, (sectors.get(sector) ?? 0) + n);
  }
  return { actors, sectors };
}

const actorNames = new Map(seeds.actors.map((a) => [a.name, a.id]));
const sectorNames = new Map(topLevelSectors.map((s) => [s.name, s.id]));

export const actorKeyOf = (name: string): string => {
  const key = actorNames.get(name);
  if (key === undefined) throw new Error(`the seeds have no actor named ${name}`);
  return key;
};
export const sectorKeyOf = (name: string): string => {
  const key = sectorNames.get(name);
  if (key === undefined) throw new Error(`the taxonomy has no top-level sector named ${name}`);
  return key;
};
export const actorNameOf = (key: string): string =>
  seeds.actors.find((a) => a.id === key)?.name ?? key;

/**
 * The matrix's table as it must read for the rows and columns it shows (by name, Others last):
 * every shown cell from the seeds, Others the sum of every actor or sector not shown, Total the
 * actor's sum over every sector.
 */
export function expectedMatrixTable(
  pairs: Map<string, Map<string, number>>,
  rowKeys: readonly string[],
  columnKeys: readonly string[],
): number[][] {
  const shownRows = new Set(rowKeys);
  const shownColumns = new Set(columnKeys);
  const cell = (actors: (a: string) => boolean, sectors: (s: string) => boolean): number =>
    sum(
      [...pairs]
        .filter(([actor]) => actors(actor))
        .flatMap(([, row]) => [...row].filter(([sector]) => sectors(sector)).map(([, n]) => n)),
    );
  const line = (actors: (a: string) => boolean): number[] => [
    ...columnKeys.map((column) => cell(actors, (s) => s === column)),
    cell(actors, (s) => !shownColumns.has(s)),
    cell(actors, () => true),
  ];
  return [...rowKeys.map((row) => line((a) => a === row)), line((a) => !shownRows.has(a))];
}

/** The timeline's buckets: the year, or the month, an incident starts in. */
export const startYear = (incident: IncidentRecord): string => incident.startDate.slice(0, 4);
export const startMonth = (incident: IncidentRecord): string => incident.startDate.slice(0, 7);
