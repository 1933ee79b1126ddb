import { createHash } from 'node:crypto';
import type { Executor } from '../db/database.js';
import type { ImportOrigin } from '../repositories/change-repository.js';
import type { EditableLabel } from '../repositories/entity-write-repository.js';
import {
  LINK_AFFILIATIONS,
  UPSERT_ACTORS,
  UPSERT_CAMPAIGNS,
  UPSERT_COUNTRIES,
  UPSERT_INCIDENTS,
  UPSERT_ORGANIZATIONS,
  UPSERT_SECTORS,
  UPSERT_SOURCES,
  writeAudited,
  type OutcomeRow,
  type UpsertRow,
} from '../repositories/import-repository.js';
import type { CypherQuery } from '../db/database.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { distinctAliases } from './actor-identity.js';
import { impactProperties } from './impact-properties.js';
import {
  recordKinds,
  type ActorRecord,
  type AttributionRecord,
  type CampaignRecord,
  type GraphRecords,
  type IncidentRecord,
  type RecordKind,
} from './records.js';

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export type WrittenKind = 'sectors' | 'countries' | keyof GraphRecords;
export type WriteSummary = Partial<Record<WrittenKind, Counts>>;

/** Records of one kind, ready to write. */
export type KindBatch = {
  [K in RecordKind]: { kind: K; records: GraphRecords[K] };
}[RecordKind];

export interface WriteOptions {
  /** Records per transaction. */
  batchSize: number;
  /** Called after every committed batch. */
  onBatch?: (kind: WrittenKind, written: number) => void;
}

/** Drops null and undefined values, so a source that does not know a field leaves it alone. */
function present<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== null && v !== undefined),
  ) as Partial<T>;
}

const noCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });

/** Writes rows in transactions of at most batchSize, adding what each did to `counts`. */
async function inBatches(
  executor: Executor,
  kind: WrittenKind,
  query: CypherQuery<OutcomeRow>,
  rows: readonly object[],
  options: WriteOptions,
  counts: Counts = noCounts(),
): Promise<Counts> {
  for (let start = 0; start < rows.length; start += options.batchSize) {
    const batch = rows.slice(start, start + options.batchSize);
    for (const { outcome, count } of await executor.write(query, { rows: batch }))
      counts[outcome] += count;
    options.onBatch?.(kind, batch.length);
  }
  return counts;
}

/** The sector tree and every ISO country: reference data every other record links to. */
export async function writeTaxonomy(
  executor: Executor,
  taxonomy: Taxonomy,
  options: WriteOptions,
): Promise<WriteSummary> {
  const sectors = taxonomy.sectors.map(({ parentId, ...props }) => ({
    id: props.id,
    parentId,
    props: present(props),
  }));
  return {
    sectors: await inBatches(executor, 'sectors', UPSERT_SECTORS, sectors, options),
    countries: await inBatches(
      executor,
      'countries',
      UPSERT_COUNTRIES,
      taxonomy.countries.map(present),
      options,
    ),
  };
}

/**
 * A claim's id, from what makes it this claim (incident or campaign, actor, who claimed it, on
 * what basis, when): importing the same claim again gives it the same id, so links to it survive
 * re-imports. A campaign's claims are told apart from an incident's of the same key by a prefix.
 */
function importedClaimId(
  ownerKey: string,
  actorId: string,
  claim: { basis: string; claimedBy: string | null; assessedAt: string | null; key: string | null },
): string {
  const parts = [ownerKey, actorId, claim.basis, claim.claimedBy, claim.assessedAt];
  // The source's own claim id joins the identity only when there is one, so ids made before it
  // existed stay the same.
  const identity = (claim.key === null ? parts : [...parts, claim.key]).join('|');
  return `claim-${createHash('sha256').update(identity).digest('hex').slice(0, 20)}`;
}

/** Claims as the UPSERT statements write them, each with its id. */
function claimRows(ownerKey: string, attributions: readonly AttributionRecord[]) {
  return attributions.map(({ actorId, ...claim }) => ({
    actorId,
    props: present({ id: importedClaimId(ownerKey, actorId, claim), ...claim }),
  }));
}

function incidentRow(incident: IncidentRecord) {
  const {
    startDate,
    endDate,
    sectorIds,
    countries,
    organizationIds,
    campaignId,
    sourceIds,
    attributions,
    impact,
    ...scalars
  } = incident;
  // A hash of the whole record, so a change in links alone still shows as an update.
  const importSignature = createHash('sha256')
    .update(JSON.stringify(incident))
    .digest('hex')
    .slice(0, 24);
  return {
    id: incident.id,
    startDate,
    endDate,
    sectorIds,
    countries,
    organizationIds,
    campaignId,
    sourceIds,
    attributions: claimRows(incident.id, attributions),
    props: present({ ...scalars, ...impactProperties(impact), importSignature }),
  };
}

function actorRow({
  aliases,
  name,
  externalIds,
  motivations,
  origin,
  sponsors,
  affiliations: _affiliations,
  targets,
  type,
  ...props
}: ActorRecord) {
  return {
    id: props.id,
    type,
    // An actor's name is its first import's: a later one's differing name becomes an alias.
    name,
    aliases: distinctAliases(name, aliases),
    externalIds,
    motivations,
    origin,
    sponsors,
    targets,
    props: present(props),
  };
}

function campaignRow({ startDate, endDate, attributions, ...props }: CampaignRecord) {
  return {
    id: props.id,
    startDate,
    endDate,
    attributions: claimRows(`campaign:${props.id}`, attributions),
    props: present(props),
  };
}

/** A batch's rows, the statement that writes them and the label its audit records name. */
function statementFor(batch: KindBatch): {
  label: EditableLabel;
  query: CypherQuery<UpsertRow>;
  rows: object[];
} {
  switch (batch.kind) {
    case 'sources':
      return {
        label: 'Source',
        query: UPSERT_SOURCES,
        rows: batch.records.map((s) => ({ id: s.id, props: present(s) })),
      };
    case 'campaigns':
      return {
        label: 'Campaign',
        query: UPSERT_CAMPAIGNS,
        rows: batch.records.map(campaignRow),
      };
    case 'organizations':
      return {
        label: 'Organization',
        query: UPSERT_ORGANIZATIONS,
        rows: batch.records.map(({ sectorIds, country, ...props }) => ({
          id: props.id,
          sectorIds,
          country,
          props: present(props),
        })),
      };
    case 'actors':
      return { label: 'Actor', query: UPSERT_ACTORS, rows: batch.records.map(actorRow) };
    case 'incidents':
      return { label: 'Incident', query: UPSERT_INCIDENTS, rows: batch.records.map(incidentRow) };
  }
}

/**
 * Writes batches of validated records, each batch its own transaction with the audit records of
 * what it created or changed: an interrupted import leaves whole records only, and running it
 * again completes it. The caller hands batches in dependency order (sources before what cites
 * them, actors before attributions); batches are written one after the other, in that order, but a
 * batch is written while the caller reads the next, so reading the file and writing the graph
 * overlap.
 */
export class RecordWriter {
  readonly #executor: Executor;
  readonly #options: WriteOptions;
  readonly #origin: ImportOrigin;
  readonly #summary: WriteSummary = Object.fromEntries(recordKinds.map((k) => [k, noCounts()]));
  /** Affiliations may point forward to any actor: linked once all actors are written. */
  readonly #affiliations = new Map<string, { actorId: string; kind: string }[]>();
  /** Actors this import created, whose affiliations are part of their creation. */
  readonly #createdActors = new Set<string>();
  #inFlight: Promise<void> = Promise.resolve();

  constructor(executor: Executor, origin: ImportOrigin, options: WriteOptions) {
    this.#executor = executor;
    this.#origin = origin;
    this.#options = options;
  }

  /** Starts writing a batch once the one before it is written; fails if that one failed. */
  async write(batch: KindBatch): Promise<void> {
    await this.#inFlight;
    if (batch.records.length === 0) return;
    if (batch.kind === 'actors') {
      for (const actor of batch.records)
        if (actor.affiliations.length > 0)
          this.#affiliations.set(actor.id, [
            ...(this.#affiliations.get(actor.id) ?? []),
            ...actor.affiliations,
          ]);
    }
    const writing = this.#commit(batch);
    // Seen by the next write or by finish; until then the failure must not count as unhandled.
    writing.catch(() => undefined);
    this.#inFlight = writing;
  }

  /** Waits for the last batch, links affiliations, and says what was created, updated or unchanged. */
  async finish(): Promise<WriteSummary> {
    await this.#inFlight;
    const rows = [...this.#affiliations].map(([id, affiliations]) => ({
      id,
      affiliations,
      created: this.#createdActors.has(id),
    }));
    for (let start = 0; start < rows.length; start += this.#options.batchSize) {
      await writeAudited(
        this.#executor,
        LINK_AFFILIATIONS,
        rows.slice(start, start + this.#options.batchSize),
        'Actor',
        this.#origin,
      );
    }
    return this.#summary;
  }

  async #commit(batch: KindBatch): Promise<void> {
    const { label, query, rows } = statementFor(batch);
    const counts = (this.#summary[batch.kind] ??= noCounts());
    for (let start = 0; start < rows.length; start += this.#options.batchSize) {
      const slice = rows.slice(start, start + this.#options.batchSize);
      for (const { outcome, count, created } of await writeAudited(
        this.#executor,
        query,
        slice,
        label,
        this.#origin,
      )) {
        counts[outcome] += count;
        if (batch.kind === 'actors') for (const id of created) this.#createdActors.add(id);
      }
      this.#options.onBatch?.(batch.kind, slice.length);
    }
  }
}
