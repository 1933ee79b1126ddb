import type { Executor } from '../db/database.js';
import { sourceIdOf } from '../import/records.js';
import type { IncidentConditions } from '../repositories/incident-filter.js';
import { ACTOR_BATCH, incidentBatch, inBatches } from '../repositories/export-repository.js';

/** Query parameters restricting a batch to a scope's keys (none: everything). */
export const onlyParam = (set: Set<string> | null) => ({ only: set ? [...set] : null });

export type Scope = Record<
  'actors' | 'campaigns' | 'organizations' | 'sources',
  Set<string> | null
>;

/**
 * What an export holds besides its incidents: everything (null: no restriction) when unfiltered;
 * when filtered, the keys the passing incidents, their claims and their actors' ties refer to,
 * gathered in a first pass so that the export itself still streams.
 */
export async function exportScope(
  executor: Executor,
  filter: IncidentConditions,
  batch: number,
): Promise<Scope> {
  const filtered = Object.values(filter).some((v) => v !== null && v !== undefined);
  const { query: incidents, params } = incidentBatch(filter);
  const only: Scope = { actors: null, campaigns: null, organizations: null, sources: null };
  if (filtered) {
    const sets = {
      actors: new Set<string>(),
      campaigns: new Set<string>(),
      organizations: new Set<string>(),
      sources: new Set<string>(),
    };
    for await (const i of inBatches(executor, incidents, params, batch)) {
      i.claims.forEach((c) => sets.actors.add(c.actorId));
      i.organizationIds.forEach((o) => sets.organizations.add(o));
      if (i.campaignId) sets.campaigns.add(i.campaignId);
      [...i.sourceUrls, ...i.claims.flatMap((c) => c.sourceUrls)].forEach((u) =>
        sets.sources.add(sourceIdOf(u)),
      );
    }
    for await (const a of inBatches(executor, ACTOR_BATCH, { only: [...sets.actors] }, batch))
      [...a.origins, ...a.sponsors, ...a.targetSectors, ...a.targetCountries]
        .flatMap((t) => t.sourceUrls)
        .forEach((u) => sets.sources.add(sourceIdOf(u)));
    Object.assign(only, sets);
  }
  return only;
}
