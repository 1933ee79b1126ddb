import type { IncidentRecord } from '../../src/import/records.js';
import { countBy, seeds } from './entity-pages.js';
import { countriesOf } from './seed-facts.js';

/*
 * What the cross-border view and the map must show, worked out from the seed files, never from
 * the API: a line is (actor, sector as recorded, affected country) for every incident a claim
 * attributes to the actor, where the country is not the actor's origin.
 */

export interface ExpectedLine {
  actor: string;
  origin: string | null;
  sector: string;
  country: string;
  incidentCount: number;
  firstDate: string;
  lastDate: string;
}

export const originOf = (actorId: string): string | null =>
  seeds.actors.find((a) => a.id === actorId)?.origin?.country ?? null;

/** Every line of the incidents, both known and unknown origins, unordered. */
function allLines(incidents: readonly IncidentRecord[]): ExpectedLine[] {
  const lines = new Map<string, ExpectedLine>();
  for (const incident of incidents) {
    for (const actor of new Set(incident.attributions.map((claim) => claim.actorId))) {
      const origin = originOf(actor);
      for (const sector of new Set(incident.sectorIds)) {
        for (const country of new Set(countriesOf(incident))) {
          if (country === origin) continue;
          const key = `${actor}|${sector}|${country}`;
          const line = lines.get(key) ?? {
            actor,
            origin,
            sector,
            country,
            incidentCount: 0,
            firstDate: incident.startDate,
            lastDate: incident.endDate,
          };
          line.incidentCount += 1;
          if (incident.startDate < line.firstDate) line.firstDate = incident.startDate;
          if (incident.endDate > line.lastDate) line.lastDate = incident.endDate;
          lines.set(key, line);
        }
      }
    }
  }
  return [...lines.values()];
}

const rowKey = (line: ExpectedLine) => `${line.actor}|${line.sector}|${line.country}`;

/** The API's order by incident count: most first, ties by the row's identity ascending. */
const busiestFirst = (a: ExpectedLine, b: ExpectedLine) =>
  b.incidentCount - a.incidentCount || (rowKey(a) < rowKey(b) ? -1 : 1);

/** The lines of actors with a known origin, and those of actors without, busiest first. */
export function crossBorderLines(incidents: readonly IncidentRecord[]): {
  known: ExpectedLine[];
  unknown: ExpectedLine[];
} {
  const lines = allLines(incidents).sort(busiestFirst);
  return {
    known: lines.filter((line) => line.origin !== null),
    unknown: lines.filter((line) => line.origin === null),
  };
}

/** Incidents per affected country, as `topCountries` counts them. */
export const incidentsPerCountry = (incidents: IncidentRecord[]): Map<string, number> =>
  countBy(incidents, countriesOf);

/**
 * Incidents per origin country, as `topOrigins` counts them: an incident counts once for each
 * country an actor a claim names is claimed to come from; actors of unknown origin count for none.
 */
export const incidentsPerOrigin = (incidents: IncidentRecord[]): Map<string, number> =>
  countBy(incidents, (incident) =>
    incident.attributions.flatMap((claim) => {
      const origin = originOf(claim.actorId);
      return origin === null ? [] : [origin];
    }),
  );
