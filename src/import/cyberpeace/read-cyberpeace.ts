import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { parseJsonFile } from '../json-file.js';
import { emptyReadResult, type ReadResult } from '../records.js';
import { eventRecordSchema } from './event-schema.js';
import { eventCore, eventIncident } from './read-event.js';
import { SourceCatalogue } from './source-catalogue.js';
import { ThreatActors, type Drop } from './threat-actors.js';

/**
 * A CyberPeace Institute platform export (a JSON array of event records, as its web API serves
 * them) → incidents, the actors they are attributed to, and their sources. An event is rejected
 * only without a key, a name or a start day, or when malformed; any other value that maps to
 * nothing of ours is left out of the event and reported as dropped.
 */
export function readCyberPeace(text: string, file: string, taxonomy: Taxonomy): ReadResult {
  const result = emptyReadResult();
  const parsed = parseJsonFile(text, file);
  if ('issue' in parsed) {
    result.issues.push(parsed.issue);
    return result;
  }
  if (!Array.isArray(parsed.value)) {
    result.issues.push({
      file,
      location: 'file',
      reason: 'not a CyberPeace export (expected a JSON array of event records)',
    });
    return result;
  }
  const sources = new SourceCatalogue();
  const actors = new ThreatActors(taxonomy, sources);
  const ids = new Set<string>();
  let citingPlatform = 0;

  parsed.value.forEach((raw, index) => {
    const location = `[${index}]`;
    const reject = (problem: { field?: string; reason: string; value?: string }, id?: string) => {
      result.issues.push({ file, kind: 'incidents', location, recordId: id, ...problem });
    };
    const record = eventRecordSchema.safeParse(raw);
    if (!record.success) {
      for (const problem of record.error.issues)
        reject(
          {
            field: problem.path.join('.') || undefined,
            reason: `a malformed event record: ${problem.message.replace(/^Invalid input: /, '')}`,
          },
          keyOf(raw),
        );
      return;
    }
    const core = eventCore(record.data.event);
    if ('problems' in core) {
      const named = record.data.event._key ?? record.data.event.eventName ?? undefined;
      for (const problem of core.problems) reject(problem, named);
      return;
    }
    if (ids.has(core.id)) {
      reject({ field: 'event._key', reason: 'an earlier event has the same key' }, core.key);
      return;
    }
    ids.add(core.id);
    const drop: Drop = (dropped) => result.dropped.push({ file, location, ...dropped });
    const { incident, citesPlatform } = eventIncident(record.data, core, {
      taxonomy,
      sources,
      actors,
      drop,
    });
    if (citesPlatform) citingPlatform += 1;
    result.records.incidents.push(incident);
    result.locations.set(`incidents:${incident.id}`, location);
    for (const { actorId } of incident.attributions)
      if (!result.locations.has(`actors:${actorId}`))
        result.locations.set(`actors:${actorId}`, location);
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

/** The key of an event record too malformed to read, to name it in the problem if it has one. */
function keyOf(raw: unknown): string | undefined {
  const event = typeof raw === 'object' && raw !== null && 'event' in raw ? raw.event : undefined;
  const key =
    typeof event === 'object' && event !== null && '_key' in event ? event._key : undefined;
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}
