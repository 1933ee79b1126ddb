import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { parseJsonFile } from '../json-file.js';
import {
  countSkipped,
  emptyReadResult,
  sourceIdOf,
  type ActorRecord,
  type ReadResult,
  type SourceRecord,
} from '../records.js';
import { slugify } from '../slug.js';
import { UniqueIds } from '../unique-ids.js';
import { actorOf, type ActorReading } from './misp-actors.js';
import {
  clusterSchema,
  loadMispRelations,
  valueSchema,
  type MispCluster,
  type MispRelations,
} from './misp-cluster.js';
import { ValueTally } from './value-tally.js';

const GALAXY_URL = 'https://github.com/MISP/misp-galaxy/blob/main/clusters/threat-actor.json';

/** A relation a value names to another value, by uuid. */
interface PendingRelation {
  actor: ActorRecord;
  destUuid: string;
  type: string;
}

/** What reading one galaxy cluster has found so far. */
interface MispReading extends ActorReading {
  file: string;
  result: ReadResult;
  ids: UniqueIds;
  /** Our id of each value read, by its uuid: relations name values by uuid. */
  idByUuid: Map<string, string>;
  /** Relations between values, resolved once every value is read. */
  relations: PendingRelation[];
}

/**
 * A MISP galaxy threat-actor cluster → actors with their reported victimology. MISP names no
 * incidents, so victims become (Actor)-[:TARGETS]->(Sector|Country) edges citing the galaxy.
 */
export function readMispGalaxy(text: string, file: string, taxonomy: Taxonomy): ReadResult {
  const result = emptyReadResult();
  const cluster = parseCluster(text, file, result);
  if (!cluster) return result;
  const relations = loadMispRelations();
  const source = galaxySource(cluster);
  result.records.sources.push(source);
  const reading: MispReading = {
    file,
    taxonomy,
    result,
    sourceId: source.id,
    ids: new UniqueIds(),
    idByUuid: new Map(),
    relations: [],
    notCountries: new ValueTally(),
    unmappedSectors: new ValueTally(),
    unknownValues: new ValueTally(),
  };
  cluster.values.forEach((raw, index) => {
    readValue(reading, raw, `values[${index}]`);
  });
  resolveRelations(reading, relations);
  const notes = [
    reading.notCountries.note('victims left out as not countries'),
    reading.unmappedSectors.note('sector values that map to no sector of ours'),
    reading.unknownValues.note('values not in any mapping table (add them to seeds/taxonomy)'),
  ];
  result.notes.push(...notes.filter((note) => note !== undefined));
  return result;
}

function parseCluster(text: string, file: string, result: ReadResult): MispCluster | undefined {
  const parsed = parseJsonFile(text, file);
  if ('issue' in parsed) {
    result.issues.push(parsed.issue);
    return undefined;
  }
  const cluster = clusterSchema.safeParse(parsed.value);
  if (cluster.success && cluster.data.type === 'threat-actor') return cluster.data;
  result.issues.push({
    file,
    location: 'file',
    reason: cluster.success
      ? `a MISP galaxy cluster of type "${cluster.data.type}"; only "threat-actor" clusters can be imported`
      : 'not a MISP galaxy cluster (expected "type" and "values")',
  });
  return undefined;
}

/** The galaxy as the source every claim of its values cites. */
function galaxySource(cluster: MispCluster): SourceRecord {
  const version = cluster.version ? ` (version ${cluster.version})` : '';
  return {
    id: sourceIdOf(GALAXY_URL),
    url: GALAXY_URL,
    title: `MISP galaxy: ${cluster.name ?? 'Threat Actor'}${version}`,
    publisher: 'MISP Project',
    publishedAt: null,
  };
}

/** One value → an actor, or the value's problems as issues. */
function readValue(reading: MispReading, raw: unknown, location: string): void {
  const { file, result } = reading;
  const value = valueSchema.safeParse(raw);
  if (!value.success) {
    for (const problem of value.error.issues)
      result.issues.push({
        file,
        kind: 'actors',
        location,
        field: problem.path.join('.') || undefined,
        reason: problem.message,
      });
    return;
  }
  const { value: name, uuid, related } = value.data;
  if (reading.idByUuid.has(uuid)) {
    result.issues.push({
      file,
      kind: 'actors',
      location,
      recordId: name,
      field: 'uuid',
      reason: `duplicate uuid ${uuid}; the first value with it was kept`,
    });
    return;
  }
  const id = reading.ids.give(slugify(name) || `misp-${uuid.slice(0, 8)}`, uuid.slice(0, 8));
  reading.idByUuid.set(uuid, id);
  result.locations.set(`actors:${id}`, location);
  const actor = actorOf(reading, value.data, id);
  result.records.actors.push(actor);
  for (const relation of related)
    reading.relations.push({
      actor,
      destUuid: relation['dest-uuid'],
      type: relation.type ?? 'related-to',
    });
}

/** Relations as affiliations, once every value is read: they point forward as often as back. */
function resolveRelations(reading: MispReading, relations: MispRelations): void {
  let outsideFile = 0;
  for (const { actor, destUuid, type } of reading.relations) {
    const kind = relations.affiliations[type];
    const target = reading.idByUuid.get(destUuid);
    if (!kind || relations.notAffiliations[type] !== undefined) continue;
    if (!target) outsideFile += 1;
    else if (target !== actor.id) actor.affiliations.push({ actorId: target, kind });
  }
  if (outsideFile > 0)
    countSkipped(reading.result, 'relations to clusters outside this file', outsideFile);
}
