import type { ActorIdentityRow } from '../repositories/import-repository.js';
import { ActorIdentities } from './actor-identity.js';
import type { ReadOutcome, RecordBatch, RecordInput } from './record-input.js';
import { ReferenceIndex, type ExistingIds } from './references.js';
import { recordKinds, type DroppedValue, type ImportIssue, type RecordKind } from './records.js';

const noneOfEach = (): Record<RecordKind, number> =>
  Object.fromEntries(recordKinds.map((k) => [k, 0])) as Record<RecordKind, number>;

export interface CheckOptions {
  /** Every actor the database knows, to recognise the same actor arriving again. */
  knownActors: readonly ActorIdentityRow[];
  /** Which ids the database holds, for references that point outside the input. */
  existingIds: ExistingIds;
  batchSize: number;
}

/** An input read and checked: what is wrong with it, and what writing it needs to know. */
export interface CheckedInput {
  outcome: ReadOutcome;
  /** Valid records read, per kind (before identity merging). */
  read: Record<RecordKind, number>;
  /** Problems of reading, then references that point at nothing. */
  issues: ImportIssue[];
  /** Records rejected per kind. */
  rejected: Record<RecordKind, number>;
  notes: string[];
  dropped: DroppedValue[];
  /** Whether the input could be read at all: false for a malformed file or one not of its format. */
  readable: boolean;
  /** How many records writing will write (after merging actors and leaving out rejected records). */
  toWrite: number;
  identities: ActorIdentities;
  references: ReferenceIndex;
}

/**
 * Reads an input once, recognising known actors and noting what every record holds and points at,
 * then checks references against the input and the database. Incidents are read a second time
 * only when some reference points at nothing, to find which.
 */
export async function checkInput(input: RecordInput, options: CheckOptions): Promise<CheckedInput> {
  const files = input.files.join(', ');
  const identities = new ActorIdentities(options.knownActors);
  const references = new ReferenceIndex(identities);
  const read = noneOfEach();
  const outcome = await input.scan((batch) => {
    read[batch.kind] += batch.records.length;
    index(batch, identities, references);
  }, options.batchSize);
  // A file that cannot be read as a whole (malformed, not of its format) gives nothing to write.
  if (outcome.issues.some((issue) => issue.kind === undefined)) {
    return {
      outcome,
      read: noneOfEach(),
      issues: outcome.issues,
      rejected: noneOfEach(),
      notes: outcome.notes,
      dropped: outcome.dropped,
      readable: false,
      toWrite: 0,
      identities,
      references,
    };
  }

  const referenceIssues = await references.resolve(options.existingIds, files);
  if (references.incidentsToCheck) {
    for await (const batch of input.read(new Set(['incidents']), options.batchSize)) {
      if (batch.kind !== 'incidents') continue;
      batch.records.forEach((incident, i) => {
        const problem = references.incidentProblem(identities.renameIncident(incident));
        if (problem)
          referenceIssues.push({
            file: files,
            kind: 'incidents',
            location: batch.locations[i] ?? 'incidents',
            recordId: incident.id,
            ...problem,
          });
      });
    }
  }
  const issues = [...outcome.issues, ...referenceIssues];
  const leftOut = rejectedPerKind(referenceIssues);
  return {
    outcome,
    read,
    issues,
    rejected: rejectedPerKind(issues),
    notes: [...outcome.notes, ...identities.notes],
    dropped: outcome.dropped,
    readable: true,
    toWrite:
      read.sources +
      read.campaigns +
      read.organizations +
      identities.recognisedCount -
      leftOut.actors +
      read.incidents -
      leftOut.incidents,
    identities,
    references,
  };
}

/** The first reading's note of each record: recognised actors, and ids held and pointed at. */
function index(batch: RecordBatch, identities: ActorIdentities, references: ReferenceIndex): void {
  switch (batch.kind) {
    case 'sources':
      for (const source of batch.records) references.addSource(source.id);
      return;
    case 'actors':
      batch.records.forEach((actor, i) => {
        references.addActor(identities.recognise(actor), actor, batch.locations[i] ?? 'actors');
      });
      return;
    case 'campaigns':
      batch.records.forEach((campaign, i) => {
        references.addCampaign(campaign, batch.locations[i] ?? 'campaigns');
      });
      return;
    case 'organizations':
      for (const organization of batch.records) references.addOrganization(organization.id);
      return;
    case 'incidents':
      for (const incident of batch.records) references.addIncident(incident);
      return;
  }
}

/** Records rejected per kind: one record may have several problems, and counts once. */
function rejectedPerKind(issues: readonly ImportIssue[]): Record<RecordKind, number> {
  const rejected = noneOfEach();
  const seen = new Set<string>();
  for (const issue of issues) {
    const key = `${issue.kind ?? ''}|${issue.file}|${issue.location}`;
    if (issue.kind && !seen.has(key)) {
      seen.add(key);
      rejected[issue.kind] += 1;
    }
  }
  return rejected;
}
