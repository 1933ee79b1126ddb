import type { PartialDate } from '../../domain/partial-date.js';
import { mergeActorRecords } from '../actor-identity.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import {
  countSkipped,
  emptyReadResult,
  sourceIdOf,
  type ActorRecord,
  type AttributionRecord,
  type ImportIssue,
  type IncidentRecord,
  type OrganizationRecord,
  type ReadResult,
} from '../records.js';
import { isPlaceholder, type DropValue } from './cells.js';
import { attributionRowClaims, incidentRowClaims, readValues } from './claims.js';
import { parseEurepocDate } from './eurepoc-dates.js';
import {
  readEurepocFile,
  type EurepocFile,
  type EurepocFileKind,
  type EurepocRow,
} from './eurepoc-files.js';
import { loadEurepocVocabulary, type EurepocVocabulary } from './eurepoc-vocabulary.js';
import { impactOf } from './impact.js';
import { incidentReceivers, receiverFileReceiver } from './receiver-cells.js';
import { mergeOrganizations, placeReceivers, type PlacedReceivers } from './receivers.js';

/** Incident ids are EuRepoC's, prefixed, so they never meet another source's. */
const ID_PREFIX = 'eurepoc-';

/**
 * The EuRepoC Global Database release → records: the incident file, with its attribution file
 * (one claim per row) and receiver file (whose receivers replace the incident file's for the
 * incidents it lists), each recognised by its header whatever its name.
 */
export function readEurepoc(
  files: { file: string; text: string }[],
  taxonomy: Taxonomy,
): ReadResult {
  const result = emptyReadResult();
  const release = recogniseFiles(files, result.issues);
  if (!release) return result;
  const reader = new ReleaseReader(release, taxonomy, loadEurepocVocabulary(), result);
  reader.read();
  return result;
}

type Release = Partial<Record<EurepocFileKind, EurepocFile>> & { incidents: EurepocFile };

function recogniseFiles(
  files: { file: string; text: string }[],
  issues: ImportIssue[],
): Release | undefined {
  const byKind: Partial<Record<EurepocFileKind, EurepocFile>> = {};
  for (const { file, text } of files) {
    const read = readEurepocFile(file, text);
    if ('issue' in read) {
      issues.push(read.issue);
      continue;
    }
    const first = byKind[read.file.kind];
    if (first) {
      issues.push({
        file,
        location: 'file',
        reason: `a second EuRepoC ${read.file.kind} file (the first is ${first.file})`,
      });
      continue;
    }
    byKind[read.file.kind] = read.file;
    issues.push(...read.rowIssues);
  }
  const incidents = byKind.incidents;
  if (!incidents && issues.every((issue) => issue.kind !== undefined))
    issues.push({
      file: files.map((f) => f.file).join(', '),
      location: 'file',
      reason:
        'none of these files is the EuRepoC incident file (the one with an "incident_type" column)',
    });
  if (!incidents || issues.some((issue) => issue.kind === undefined)) return undefined;
  return { ...byKind, incidents };
}

/** Rows of a companion file by the incident they name, each with where it stands. */
function rowsByIncident(file: EurepocFile | undefined, column: string): Map<string, EurepocRow[]> {
  const byIncident = new Map<string, EurepocRow[]>();
  for (const row of file?.rows ?? []) {
    const id = row.cell(column);
    byIncident.set(id, [...(byIncident.get(id) ?? []), row]);
  }
  return byIncident;
}

/** An incident's start date, with the text it was read from. */
interface StartDate {
  date: PartialDate;
  text: string;
}

/** What is wrong with the row's ID and name, the two things an incident cannot do without. */
function rowIdentityProblems(
  row: EurepocRow,
  duplicate: boolean,
): { field: string; reason: string; value?: string }[] {
  const eurepocId = row.cell('ID');
  const problems: { field: string; reason: string; value?: string }[] = [];
  if (eurepocId === '') problems.push({ field: 'ID', reason: 'an incident needs its EuRepoC ID' });
  if (duplicate)
    problems.push({ field: 'ID', reason: 'an earlier row has this ID', value: eurepocId });
  if (isPlaceholder(row.cell('name')))
    problems.push({ field: 'name', reason: 'an incident needs a name' });
  return problems;
}

/** The incident's end date; one that cannot be read, or ends before the start, is dropped. */
function endOf(row: EurepocRow, start: StartDate, drop: DropValue): PartialDate | undefined {
  const text = readValues(row, 'end_date', drop)[0];
  const end = text === undefined ? undefined : parseEurepocDate(text);
  if (end && 'error' in end) {
    drop('end_date', end.error, text ?? '');
    return undefined;
  }
  if (end && end.last < start.date.first) {
    drop('end_date', `ends before it starts (${start.text}); the start is kept`, text ?? '');
    return undefined;
  }
  return end;
}

/** What the release says of an incident besides its row's own cells. */
interface IncidentParts extends Pick<
  IncidentRecord,
  'attackTypes' | 'sourceIds' | 'attributions' | 'impact'
> {
  start: PartialDate;
  end: PartialDate | undefined;
  placed: PlacedReceivers;
}

/** The incident's record, from its row and what the release says of it. */
function incidentOf(row: EurepocRow, parts: IncidentParts): IncidentRecord {
  const { start, end, placed } = parts;
  const eurepocId = row.cell('ID');
  return {
    id: `${ID_PREFIX}${eurepocId}`,
    title: row.cell('name'),
    description: isPlaceholder(row.cell('description')) ? null : row.cell('description'),
    startDate: start.first,
    endDate: (end ?? start).last,
    datePrecision: start.precision,
    endPrecision: end?.precision ?? null,
    attackTypes: parts.attackTypes,
    objective: null,
    disruptionDays: null,
    recordsAffected: null,
    ransomDemandedUsd: null,
    ransomPaidUsd: null,
    sectorIds: placed.sectorIds,
    countries: placed.countries,
    regions: placed.regions,
    organizationIds: placed.organizations.map((o) => o.id),
    campaignId: null,
    sourceIds: parts.sourceIds,
    attributions: parts.attributions,
    externalIds: [`eurepoc:${eurepocId}`],
    impact: parts.impact,
  };
}

class ReleaseReader {
  readonly #actors = new Map<string, ActorRecord>();
  readonly #organizations: OrganizationRecord[] = [];
  readonly #sourceIds = new Set<string>();
  readonly #attributions: Map<string, EurepocRow[]>;
  readonly #receivers: Map<string, EurepocRow[]>;

  constructor(
    private readonly release: Release,
    private readonly taxonomy: Taxonomy,
    private readonly vocabulary: EurepocVocabulary,
    private readonly result: ReadResult,
  ) {
    this.#attributions = rowsByIncident(release.attributions, 'incident_ID');
    this.#receivers = rowsByIncident(release.receivers, 'ID');
  }

  read(): void {
    const seen = new Set<string>();
    for (const row of this.release.incidents.rows) {
      const eurepocId = row.cell('ID');
      const incident = this.#incident(row, seen.has(eurepocId));
      seen.add(eurepocId);
      if (incident) {
        this.result.records.incidents.push(incident);
        this.result.locations.set(`incidents:${incident.id}`, `line ${row.line}`);
      }
    }
    this.#reportOrphans(this.release.attributions, this.#attributions, seen, 'attribution');
    this.#reportOrphans(this.release.receivers, this.#receivers, seen, 'receiver');
    this.result.records.actors.push(...this.#actors.values());
    this.result.records.organizations.push(...mergeOrganizations(this.#organizations));
  }

  #dropper(file: string, line: number): DropValue {
    return (field, reason, value) => {
      this.result.dropped.push({ file, location: `line ${line}`, field, reason, value });
    };
  }

  #incident(row: EurepocRow, duplicate: boolean): IncidentRecord | undefined {
    const drop = this.#dropper(this.release.incidents.file, row.line);
    const start = this.#start(row, duplicate, drop);
    if (!start) return undefined;
    const end = endOf(row, start, drop);
    const sourceIds = this.#sources(readValues(row, 'sources_url', drop), drop);
    const incidentTypes = readValues(row, 'incident_type', drop);
    const attackTypes = this.#attackTypes(incidentTypes, drop);
    const placed = this.#placeReceivers(row, drop);
    this.#organizations.push(...placed.organizations);
    const attributions = this.#claims(row, sourceIds, drop);
    const impact = impactOf(row, incidentTypes, sourceIds, this.vocabulary, drop);
    const dates = { start: start.date, end };
    return incidentOf(row, { ...dates, attackTypes, placed, sourceIds, attributions, impact });
  }

  /**
   * The incident's start; undefined when the row cannot be an incident (no ID, a repeated one, no
   * name, no start date), each reason reported as an issue.
   */
  #start(row: EurepocRow, duplicate: boolean, drop: DropValue): StartDate | undefined {
    const eurepocId = row.cell('ID');
    const problems = rowIdentityProblems(row, duplicate);
    const text = readValues(row, 'start_date', drop)[0];
    const date = text === undefined ? undefined : parseEurepocDate(text);
    if (!date)
      problems.push({
        field: 'start_date',
        reason: 'EuRepoC gives no start date; an incident needs one',
      });
    else if ('error' in date)
      problems.push({ field: 'start_date', reason: date.error, value: text });
    if (problems.length === 0 && date && !('error' in date)) return { date, text: text ?? '' };
    for (const problem of problems)
      this.result.issues.push({
        file: this.release.incidents.file,
        kind: 'incidents',
        location: `line ${row.line}`,
        ...(eurepocId ? { recordId: eurepocId } : {}),
        ...problem,
      });
    return undefined;
  }

  /** The incident types as our attack types; a type that maps to none is dropped. */
  #attackTypes(incidentTypes: string[], drop: DropValue): string[] {
    const attackTypes = incidentTypes.flatMap((value) => {
      const mapped = this.taxonomy.mapAttackType('eurepoc', value);
      if (mapped && 'ids' in mapped) return mapped.ids;
      drop(
        'incident_type',
        mapped
          ? `maps to no attack type of ours (${mapped.unmapped})`
          : 'unknown incident type in the eurepoc vocabulary',
        value,
      );
      return [];
    });
    return [...new Set(attackTypes)];
  }

  /** The receiver file's rows for this incident when it has some, else the incident file's columns. */
  #placeReceivers(row: EurepocRow, drop: DropValue): PlacedReceivers {
    const rows = this.#receivers.get(row.cell('ID'));
    const receiverFile = this.release.receivers;
    const receivers =
      rows && receiverFile
        ? rows.map((r) => {
            const rowDrop = this.#dropper(receiverFile.file, r.line);
            return { receiver: receiverFileReceiver(r, rowDrop), drop: rowDrop };
          })
        : incidentReceivers(row, drop).map((receiver) => ({ receiver, drop }));
    return placeReceivers(receivers, this.taxonomy, this.vocabulary);
  }

  /** The attribution file's rows for this incident, one claim each; else the incident's initiator. */
  #claims(row: EurepocRow, sourceIds: string[], drop: DropValue): AttributionRecord[] {
    const rows = this.#attributions.get(row.cell('ID'));
    const attributionFile = this.release.attributions;
    const context = { taxonomy: this.taxonomy, vocabulary: this.vocabulary, sourceIds };
    const readings =
      rows && attributionFile
        ? rows.map((r) => {
            const rowDrop = this.#dropper(attributionFile.file, r.line);
            return {
              found: attributionRowClaims(r, { ...context, drop: rowDrop }),
              drop: rowDrop,
              countryField: 'attributed_initiator_country',
            };
          })
        : [
            {
              found: incidentRowClaims(row, { ...context, drop }),
              drop,
              countryField: 'initiator_country',
            },
          ];
    const unnamed = readings.filter(
      ({ found, countryField }) =>
        countryField === 'attributed_initiator_country' && found.claims.length === 0,
    ).length;
    if (unnamed > 0) countSkipped(this.result, 'attribution rows naming no initiator', unnamed);
    for (const { found, drop: rowDrop, countryField } of readings)
      for (const actor of found.actors)
        this.#addActor(actor, (reason, value) => {
          rowDrop(countryField, reason, value);
        });
    return readings.flatMap(({ found }) => found.claims);
  }

  /** An actor named again is merged into its first description; another origin is reported. */
  #addActor(actor: ActorRecord, dropCountry: (reason: string, value: string) => void): void {
    const known = this.#actors.get(actor.id);
    if (known?.origin && actor.origin && known.origin.country !== actor.origin.country)
      dropCountry(
        `another row gives ${known.name} the origin ${known.origin.country}; the first is kept`,
        actor.origin.country,
      );
    this.#actors.set(actor.id, known ? mergeActorRecords(known, actor) : actor);
  }

  #sources(urls: string[], drop: DropValue): string[] {
    const ids: string[] = [];
    for (const url of urls) {
      if (!/^https?:\/\/\S+$/i.test(url)) {
        drop('sources_url', 'not an http(s) URL', url);
        continue;
      }
      const id = sourceIdOf(url);
      ids.push(id);
      if (this.#sourceIds.has(id)) continue;
      this.#sourceIds.add(id);
      this.result.records.sources.push({
        id,
        url,
        title: null,
        publisher: null,
        publishedAt: null,
      });
    }
    return [...new Set(ids)];
  }

  #reportOrphans(
    file: EurepocFile | undefined,
    byIncident: Map<string, EurepocRow[]>,
    incidents: Set<string>,
    what: string,
  ): void {
    if (!file) return;
    for (const [id, rows] of byIncident) {
      if (incidents.has(id)) continue;
      for (const row of rows)
        this.result.issues.push({
          file: file.file,
          kind: 'incidents',
          location: `line ${row.line}`,
          recordId: id,
          field: what === 'attribution' ? 'incident_ID' : 'ID',
          reason: `the ${what} row names an incident the incident file does not have`,
          value: id,
        });
    }
  }
}
