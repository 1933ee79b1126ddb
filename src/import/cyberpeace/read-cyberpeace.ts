import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { parseJsonFile } from '../json-file.js';
import { emptyReadResult, type ReadResult } from '../records.js';
import { eventRecordSchema, type EventRecord } from './event-schema.js';
import { eventCore, eventIncident, type EventCore } from './read-event.js';
import { SourceCatalogue } from './source-catalogue.js';
import { ThreatActors, type Drop } from './threat-actors.js';

/** What reading one export has found so far. */
interface CyberPeaceReading {
  file: string;
  taxonomy: Taxonomy;
  result: ReadResult;
  sources: SourceCatalogue;
  actors: ThreatActors;
  /** The ids of the events read, to refuse a second event with one. */
  ids: Set<string>;
}

/**
 * A CyberPeace Institute platform export (a JSON array of event records, as its web API serves
 * them) → incidents, the actors they are attributed to, and their sources. An event is rejected
 * only without a key, a name or a start day, or when malformed; any other value that maps to
 * nothing of ours is left out of the event and reported as dropped.
 */
export function readCyberPeace(text: string, file: string, taxonomy: Taxonomy): ReadResult {
  const result = emptyReadResult();
  const events = parseEvents(text, file, result);
  if (!events) return result;
  const sources = new SourceCatalogue();
  const actors = new ThreatActors(taxonomy, sources);
  const reading: CyberPeaceReading = { file, taxonomy, result, sources, actors, ids: new Set() };
  let citingPlatform = 0;
  events.forEach((raw, index) => {
    if (readEvent(reading, raw, `[${index}]`)) citingPlatform += 1;
  });
  result.records.sources.push(...sources.records);
  result.records.actors.push(...actors.records);
  result.notes.push(...actors.notes);
  if (citingPlatform > 0)
    result.notes.push(
      `${citingPlatform} event${citingPlatform === 1 ? '' : 's'} name no source with a usable link; ${citingPlatform === 1 ? 'it cites' : 'they cite'} the CyberPeace Institute platform`,
    );
  return result;
}

function parseEvents(text: string, file: string, result: ReadResult): unknown[] | undefined {
  const parsed = parseJsonFile(text, file);
  if ('issue' in parsed) {
    result.issues.push(parsed.issue);
    return undefined;
  }
  if (Array.isArray(parsed.value)) return parsed.value as unknown[];
  result.issues.push({
    file,
    location: 'file',
    reason: 'not a CyberPeace export (expected a JSON array of event records)',
  });
  return undefined;
}

type Reject = (problem: { field?: string; reason: string; value?: string }, id?: string) => void;

/**
 * One event → an incident (and its actors and sources), or its problems as issues. True when the
 * incident cites the platform, having no source of its own with a usable link.
 */
function readEvent(reading: CyberPeaceReading, raw: unknown, location: string): boolean {
  const { file, result } = reading;
  const reject: Reject = (problem, id) => {
    result.issues.push({ file, kind: 'incidents', location, recordId: id, ...problem });
  };
  const event = checkedEvent(reading, raw, reject);
  if (!event) return false;
  const drop: Drop = (dropped) => result.dropped.push({ file, location, ...dropped });
  const { taxonomy, sources, actors } = reading;
  const context = { taxonomy, sources, actors, drop };
  const { incident, citesPlatform } = eventIncident(event.record, event.core, context);
  result.records.incidents.push(incident);
  result.locations.set(`incidents:${incident.id}`, location);
  for (const { actorId } of incident.attributions)
    if (!result.locations.has(`actors:${actorId}`))
      result.locations.set(`actors:${actorId}`, location);
  return citesPlatform;
}

/** The event record and its core (id, title, start), when it is well formed and its id new. */
function checkedEvent(
  reading: CyberPeaceReading,
  raw: unknown,
  reject: Reject,
): { record: EventRecord; core: EventCore } | undefined {
  const record = eventRecordSchema.safeParse(raw);
  if (!record.success) {
    for (const problem of record.error.issues) {
      const reason = `a malformed event record: ${problem.message.replace(/^Invalid input: /, '')}`;
      reject({ field: problem.path.join('.') || undefined, reason }, keyOf(raw));
    }
    return undefined;
  }
  const { event } = record.data;
  const core = eventCore(event);
  if ('problems' in core) {
    for (const problem of core.problems)
      reject(problem, event._key ?? event.eventName ?? undefined);
    return undefined;
  }
  if (reading.ids.has(core.id)) {
    reject({ field: 'event._key', reason: 'an earlier event has the same key' }, core.key);
    return undefined;
  }
  reading.ids.add(core.id);
  return { record: record.data, core };
}

/** The key of an event record too malformed to read, to name it in the problem if it has one. */
function keyOf(raw: unknown): string | undefined {
  const event = typeof raw === 'object' && raw !== null && 'event' in raw ? raw.event : undefined;
  const key =
    typeof event === 'object' && event !== null && '_key' in event ? event._key : undefined;
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}
