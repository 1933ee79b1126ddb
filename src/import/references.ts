import type { IdsByKind } from '../repositories/import-repository.js';
import type { ActorIdentities } from './actor-identity.js';
import type { ActorRecord, CampaignRecord, ImportIssue, IncidentRecord } from './records.js';

type ReferencedKind = keyof IdsByKind;
const referencedKinds: readonly ReferencedKind[] = [
  'sources',
  'actors',
  'campaigns',
  'organizations',
];

/** Ids that exist in the database, per kind, for references that point outside the import. */
export type ExistingIds = (wanted: IdsByKind) => Promise<IdsByKind>;

/** What the reference check keeps of an actor: where it stands and what it points at. */
interface ActorReferences {
  location: string;
  sourceIds: Set<string>;
  /** Incoming ids, resolved to recognised ones once every actor has been recognised. */
  affiliations: Set<string>;
}

/** What the reference check keeps of a campaign that names actors: where, and what it cites. */
interface CampaignReferences {
  location: string;
  sourceIds: Set<string>;
  /** Incoming actor ids, resolved to recognised ones once every actor has been recognised. */
  actors: Set<string>;
}

export interface ReferenceProblem {
  field: string;
  reason: string;
}

/**
 * Checks that every record points only at records that are in this import or in the database,
 * without holding the records: a first pass notes the ids the import holds and the ids it points
 * at that were not (yet) among them; `resolve` looks the rest up in the database. An actor that
 * points at nothing is dropped, and so is every record that points at a dropped one, so nothing
 * is half-written: an incident whose attribution names an unknown actor is rejected whole, not
 * written without it.
 *
 * Held in memory while checking: the ids of sources, actors, campaigns and organizations (what
 * can be pointed at), and for each actor the ids it points at — never an incident. While writing,
 * only the dropped actors, and the ids only if some incident points at nothing.
 */
export class ReferenceIndex {
  readonly #has: Record<ReferencedKind, Set<string>> = {
    sources: new Set(),
    actors: new Set(),
    campaigns: new Set(),
    organizations: new Set(),
  };
  /** Ids pointed at before (or without) a record of the import holding them. */
  readonly #pending: Record<ReferencedKind, Set<string>> = {
    sources: new Set(),
    actors: new Set(),
    campaigns: new Set(),
    organizations: new Set(),
  };
  readonly #actors = new Map<string, ActorReferences>();
  /** Campaigns with claims about who ran them (few: most campaigns name nobody). */
  readonly #campaigns = new Map<string, CampaignReferences>();
  readonly #droppedCampaigns = new Set<string>();
  /** Incoming actor ids that incidents name, checked once actors are recognised. */
  readonly #namedByIncidents = new Set<string>();
  readonly #dropped = new Set<string>();
  #incidentsToCheck = false;

  constructor(private readonly identities: ActorIdentities) {}

  addSource(id: string): void {
    this.#hold('sources', id);
  }

  /** A campaign; the actors its claims name are checked like an incident's. */
  addCampaign(campaign: CampaignRecord, location: string): void {
    this.#hold('campaigns', campaign.id);
    if (campaign.attributions.length === 0) return;
    const refs = { location, sourceIds: new Set<string>(), actors: new Set<string>() };
    for (const claim of campaign.attributions) {
      refs.actors.add(claim.actorId);
      for (const id of claim.sourceIds) {
        refs.sourceIds.add(id);
        this.#point('sources', id);
      }
    }
    this.#campaigns.set(campaign.id, refs);
  }

  addOrganization(id: string): void {
    this.#hold('organizations', id);
  }

  /** An actor, already recognised as `id`; several descriptions of one actor pool their references. */
  addActor(id: string, actor: ActorRecord, location: string): void {
    this.#hold('actors', id);
    const refs = this.#actors.get(id) ?? {
      location,
      sourceIds: new Set<string>(),
      affiliations: new Set<string>(),
    };
    this.#actors.set(id, refs);
    for (const claim of [actor.origin, ...actor.sponsors, actor.targets]) {
      for (const sourceId of claim?.sourceIds ?? []) {
        refs.sourceIds.add(sourceId);
        this.#point('sources', sourceId);
      }
    }
    for (const { actorId } of actor.affiliations) refs.affiliations.add(actorId);
  }

  addIncident(incident: IncidentRecord): void {
    for (const id of incident.sourceIds) this.#point('sources', id);
    for (const id of incident.impact?.sourceIds ?? []) this.#point('sources', id);
    for (const claim of incident.attributions) {
      for (const id of claim.sourceIds) this.#point('sources', id);
      this.#namedByIncidents.add(claim.actorId);
    }
    if (incident.campaignId !== null) this.#point('campaigns', incident.campaignId);
    for (const id of incident.organizationIds) this.#point('organizations', id);
  }

  /**
   * Once every record has been added: looks up in the database what the import points at but
   * does not hold, then drops actors that point at nothing, until nothing more falls. Returns the
   * actors dropped, each with its reason.
   */
  async resolve(existing: ExistingIds, file: string): Promise<ImportIssue[]> {
    for (const [actorId, refs] of this.#actors) {
      for (const target of refs.affiliations) {
        const id = this.identities.idOf(target);
        if (id !== actorId) this.#point('actors', id);
      }
    }
    for (const id of this.#namedByIncidents) this.#point('actors', this.identities.idOf(id));
    for (const refs of this.#campaigns.values())
      for (const id of refs.actors) this.#point('actors', this.identities.idOf(id));
    const found = await existing({
      sources: [...this.#pending.sources],
      actors: [...this.#pending.actors],
      campaigns: [...this.#pending.campaigns],
      organizations: [...this.#pending.organizations],
    });
    for (const kind of referencedKinds) {
      for (const id of found[kind]) {
        this.#has[kind].add(id);
        this.#pending[kind].delete(id);
      }
    }

    const issues: ImportIssue[] = [];
    for (let changed = true; changed;) {
      changed = false;
      for (const [id, refs] of this.#actors) {
        if (this.#dropped.has(id)) continue;
        const problem = this.#actorProblem(id, refs);
        if (!problem) continue;
        issues.push({
          file,
          kind: 'actors',
          location: refs.location,
          recordId: id,
          ...problem,
        });
        this.#dropped.add(id);
        this.#has.actors.delete(id);
        changed = true;
      }
    }
    issues.push(...this.#dropCampaigns(file));
    this.#incidentsToCheck =
      this.#droppedCampaigns.size > 0 ||
      referencedKinds.some((kind) => this.#pending[kind].size > 0) ||
      [...this.#namedByIncidents].some((id) => this.#dropped.has(this.identities.idOf(id)));
    this.#actors.clear();
    this.#campaigns.clear();
    this.#namedByIncidents.clear();
    // When every incident's references hold, writing asks only which actors were dropped: the ids
    // (millions, for a large file) need not be kept while it runs.
    if (!this.#incidentsToCheck) for (const kind of referencedKinds) this.#has[kind].clear();
    return issues;
  }

  /** Whether some incident may point at nothing: only then must incidents be read to find which. */
  get incidentsToCheck(): boolean {
    return this.#incidentsToCheck;
  }

  /** Whether a campaign is written (after resolve): not when a claim of it points at nothing. */
  keepsCampaign(id: string): boolean {
    return !this.#droppedCampaigns.has(id);
  }

  /** Whether a recognised actor is written (after resolve). */
  keepsActor(id: string): boolean {
    return !this.#dropped.has(id);
  }

  /** The first reference of an incident (actors already recognised) that points at nothing. */
  incidentProblem(incident: IncidentRecord): ReferenceProblem | undefined {
    if (!this.#incidentsToCheck) return undefined;
    const badSource = [
      ...incident.sourceIds,
      ...incident.attributions.flatMap((a) => a.sourceIds),
      ...(incident.impact?.sourceIds ?? []),
    ].find((id) => !this.#has.sources.has(id));
    if (badSource) return { field: 'sources', reason: missingSource(badSource) };
    const badActor = incident.attributions.find((a) => !this.#has.actors.has(a.actorId));
    if (badActor)
      return {
        field: 'attributions',
        reason: `names actor "${badActor.actorId}", which is not in this import (or was rejected) nor in the database`,
      };
    if (incident.campaignId !== null && !this.#has.campaigns.has(incident.campaignId))
      return {
        field: 'campaign',
        reason: `names campaign "${incident.campaignId}", which is not in this import nor in the database`,
      };
    const badOrganization = incident.organizationIds.find((id) => !this.#has.organizations.has(id));
    if (badOrganization)
      return {
        field: 'organizations',
        reason: `names organization "${badOrganization}", which is not in this import nor in the database`,
      };
    return undefined;
  }

  /**
   * Drops each campaign whose claims cite a source or name an actor that is nowhere (or was
   * dropped), as an incident's would be: its incidents then point at nothing in turn.
   */
  #dropCampaigns(file: string): ImportIssue[] {
    const issues: ImportIssue[] = [];
    for (const [id, refs] of this.#campaigns) {
      const badSource = [...refs.sourceIds].find((sid) => !this.#has.sources.has(sid));
      const badActor = [...refs.actors]
        .map((actor) => this.identities.idOf(actor))
        .find((actor) => !this.#has.actors.has(actor));
      const problem: ReferenceProblem | undefined = badSource
        ? { field: 'sources', reason: missingSource(badSource) }
        : badActor
          ? {
              field: 'attributions',
              reason: `names actor "${badActor}", which is not in this import (or was rejected) nor in the database`,
            }
          : undefined;
      if (!problem) continue;
      issues.push({ file, kind: 'campaigns', location: refs.location, recordId: id, ...problem });
      this.#droppedCampaigns.add(id);
      this.#has.campaigns.delete(id);
    }
    return issues;
  }

  #actorProblem(id: string, refs: ActorReferences): ReferenceProblem | undefined {
    const badSource = [...refs.sourceIds].find((sid) => !this.#has.sources.has(sid));
    if (badSource) return { field: 'sources', reason: missingSource(badSource) };
    const badAffiliation = [...refs.affiliations]
      .map((target) => this.identities.idOf(target))
      .find((target) => target !== id && !this.#has.actors.has(target));
    if (badAffiliation)
      return {
        field: 'affiliations',
        reason: `names actor "${badAffiliation}", which is not in this import nor in the database`,
      };
    return undefined;
  }

  /** The import holds `id`: it is no longer pending. */
  #hold(kind: ReferencedKind, id: string): void {
    const own = ownCopy(id);
    this.#has[kind].add(own);
    this.#pending[kind].delete(own);
  }

  /** The import points at `id`: pending until a record holds it or the database has it. */
  #point(kind: ReferencedKind, id: string): void {
    if (!this.#has[kind].has(id) && !this.#pending[kind].has(id))
      this.#pending[kind].add(ownCopy(id));
  }
}

const missingSource = (id: string): string =>
  `cites source ${id}, which is not in "sources" nor in the database`;

/**
 * A copy of a string that shares no memory with the text it was cut from. A parser's values are
 * often slices of the chunk they were read from, and the engine keeps the whole chunk alive while
 * a slice lives; ids kept for the whole import would otherwise keep the whole file.
 */
const ownCopy = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');
