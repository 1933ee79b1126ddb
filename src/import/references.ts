import type { GraphRecords, ImportIssue, RecordKind } from './records.js';

/** Ids that already exist in the database, per kind, for references that point outside the file. */
export interface KnownIds {
  actors: Set<string>;
  campaigns: Set<string>;
  organizations: Set<string>;
  sources: Set<string>;
}

type Origin = { file: string; locate: (kind: string, id: string) => string };

/**
 * Drops every record that points at something that is neither in this import nor in the
 * database, and then every record that points at a dropped one, so nothing is half-written: an
 * incident whose attribution names an unknown actor is rejected whole, not written without it.
 */
export function checkReferences(
  records: GraphRecords,
  known: KnownIds,
  origin: Origin,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const has = {
    sources: new Set([...known.sources, ...records.sources.map((s) => s.id)]),
    actors: new Set([...known.actors, ...records.actors.map((a) => a.id)]),
    campaigns: new Set([...known.campaigns, ...records.campaigns.map((c) => c.id)]),
    organizations: new Set([...known.organizations, ...records.organizations.map((o) => o.id)]),
  };
  const urlOf = new Map(records.sources.map((s) => [s.id, s.url]));
  const report = (kind: RecordKind, id: string, field: string, reason: string): void => {
    issues.push({
      file: origin.file,
      kind,
      location: origin.locate(kind, id),
      recordId: id,
      field,
      reason,
    });
  };
  const missingSource = (ids: string[]): string | undefined =>
    ids.find((sid) => !has.sources.has(sid));
  const describeSource = (sid: string): string =>
    `cites source ${urlOf.get(sid) ?? sid}, which is not in "sources" nor in the database`;

  // Actors can point at each other, so drop until nothing more falls.
  for (let changed = true; changed;) {
    changed = false;
    records.actors = records.actors.filter((actor) => {
      const claims = [actor.origin, ...actor.sponsors, actor.targets].filter((c) => c !== null);
      const badSource = missingSource(claims.flatMap((c) => c.sourceIds));
      if (badSource) {
        report('actors', actor.id, 'sources', describeSource(badSource));
      } else {
        const badAffiliation = actor.affiliations.find((f) => !has.actors.has(f.actorId));
        if (!badAffiliation) return true;
        report(
          'actors',
          actor.id,
          'affiliations',
          `names actor "${badAffiliation.actorId}", which is not in this import nor in the database`,
        );
      }
      has.actors.delete(actor.id);
      changed = true;
      return false;
    });
  }

  records.incidents = records.incidents.filter((incident) => {
    const badSource = missingSource([
      ...incident.sourceIds,
      ...incident.attributions.flatMap((a) => a.sourceIds),
    ]);
    if (badSource) {
      report('incidents', incident.id, 'sources', describeSource(badSource));
      return false;
    }
    const badActor = incident.attributions.find((a) => !has.actors.has(a.actorId));
    if (badActor) {
      report(
        'incidents',
        incident.id,
        'attributions',
        `names actor "${badActor.actorId}", which is not in this import (or was rejected) nor in the database`,
      );
      return false;
    }
    if (incident.campaignId !== null && !has.campaigns.has(incident.campaignId)) {
      report(
        'incidents',
        incident.id,
        'campaign',
        `names campaign "${incident.campaignId}", which is not in this import nor in the database`,
      );
      return false;
    }
    const badOrganization = incident.organizationIds.find((o) => !has.organizations.has(o));
    if (badOrganization) {
      report(
        'incidents',
        incident.id,
        'organizations',
        `names organization "${badOrganization}", which is not in this import nor in the database`,
      );
      return false;
    }
    return true;
  });
  return issues;
}
