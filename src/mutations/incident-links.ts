import { requireRole } from '../auth/authorize.js';
import type { MutationContext } from './mutation-context.js';
import { sourceIdOf } from '../import/records.js';
import type { IncidentRow } from '../repositories/rows.js';
import { incidentKind } from './entity-kinds.js';
import { updateEntityWith } from './entity-mutations.js';

/** What to link or unlink, by key. */
export interface IncidentLinks {
  sectorIds?: readonly string[] | null;
  countries?: readonly { code: string; primary?: boolean | null }[] | null;
  organizationIds?: readonly string[] | null;
  sourceIds?: readonly string[] | null;
  campaignId?: string | null;
}

interface StoredLinks {
  sectorIds: string[];
  countries: { iso2: string; primary: boolean }[];
  organizationIds: string[];
  campaignId?: string | null;
  sourceUrls: string[];
}

/**
 * Links or unlinks an incident's sectors, countries, organizations, sources and campaign: the
 * incident's links after the change (worked out from its links as they are under its lock) go
 * through the same validation, version check and audit as any incident update (so, for one, the
 * last source cannot be unlinked).
 */
export async function changeIncidentLinks(
  context: MutationContext,
  key: string,
  version: number,
  links: IncidentLinks,
  mode: 'link' | 'unlink',
): Promise<IncidentRow> {
  requireRole(context.viewer, 'editor', `${mode}Incident`);
  return updateEntityWith(context, incidentKind, key, version, (current) =>
    linksPatch(current.links as unknown as StoredLinks, links, mode),
  );
}

function linksPatch(
  stored: StoredLinks,
  links: IncidentLinks,
  mode: 'link' | 'unlink',
): Record<string, unknown> {
  const change = (have: string[], ids: readonly string[]) =>
    mode === 'link' ? [...new Set([...have, ...ids])] : have.filter((id) => !ids.includes(id));
  const patch: Record<string, unknown> = {};
  if (links.sectorIds) patch.sectorIds = change(stored.sectorIds, links.sectorIds);
  if (links.organizationIds)
    patch.organizationIds = change(stored.organizationIds, links.organizationIds);
  if (links.sourceIds) patch.sourceIds = change(stored.sourceUrls.map(sourceIdOf), links.sourceIds);
  if (links.countries) {
    const given = new Map(links.countries.map((c) => [c.code, c.primary ?? false]));
    const kept = stored.countries
      .filter((c) => !given.has(c.iso2))
      .map((c) => ({ code: c.iso2, primary: c.primary }));
    patch.countries =
      mode === 'link'
        ? [...kept, ...[...given].map(([code, primary]) => ({ code, primary }))]
        : kept;
  }
  if (links.campaignId != null) {
    if (mode === 'link') patch.campaignId = links.campaignId;
    else if (stored.campaignId === links.campaignId) patch.campaignId = null;
  }
  return patch;
}
