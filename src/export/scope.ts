import { sourceIdOf } from '../import/records.js';
import type { IncidentConditions } from '../repositories/incident-filter.js';
import { each, type ExportReader, type Keys } from './export-reader.js';
import { ignoreProblems } from './export-report.js';

export type Scope = Record<'actors' | 'campaigns' | 'organizations' | 'sources', Keys>;

/**
 * What an export holds besides its incidents: everything (null: no restriction) when unfiltered;
 * when filtered, the keys the passing incidents, their claims, their campaigns' claims and their
 * actors' ties refer to,
 * gathered in a first pass so that the export itself still streams. The pass reads checked rows,
 * so nothing an export leaves out widens its scope; their problems are reported by the export's
 * own pass.
 */
export async function exportScope(
  reader: ExportReader,
  filter: IncidentConditions,
): Promise<Scope> {
  const filtered = Object.values(filter).some((v) => v !== null && v !== undefined);
  if (!filtered) return { actors: null, campaigns: null, organizations: null, sources: null };
  const sets = {
    actors: new Set<string>(),
    campaigns: new Set<string>(),
    organizations: new Set<string>(),
    sources: new Set<string>(),
  };
  for await (const i of each(reader.incidents(filter, ignoreProblems))) {
    i.claims.forEach((c) => sets.actors.add(c.actorId));
    i.organizationIds.forEach((o) => sets.organizations.add(o));
    if (i.campaignId) sets.campaigns.add(i.campaignId);
    [...i.sourceUrls, ...i.impactSourceUrls, ...i.claims.flatMap((c) => c.sourceUrls)].forEach(
      (u) => sets.sources.add(sourceIdOf(u)),
    );
  }
  // A campaign's claims name actors and cite sources the incidents may not.
  for await (const c of each(reader.campaigns(sets.campaigns, ignoreProblems)))
    for (const claim of c.claims) {
      sets.actors.add(claim.actorId);
      claim.sourceUrls.forEach((u) => sets.sources.add(sourceIdOf(u)));
    }
  for await (const a of each(reader.actors(sets.actors, ignoreProblems)))
    [...a.origins, ...a.sponsors, ...a.targetSectors, ...a.targetCountries]
      .flatMap((t) => t.sourceUrls)
      .forEach((u) => sets.sources.add(sourceIdOf(u)));
  return sets;
}
