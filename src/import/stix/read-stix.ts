import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { parseJsonFile } from '../json-file.js';
import { countSkipped, emptyReadResult, type GraphRecords, type ReadResult } from '../records.js';
import { bundleSchema, stixObject } from './stix-object.js';
import { readObjects } from './stix-nodes.js';
import { readRelationships } from './stix-relationships.js';
import { startReading, type IndexedObject } from './stix-reading.js';

export interface StixOptions {
  includeRevoked?: boolean;
}

/**
 * A STIX 2.1 bundle (e.g. MITRE ATT&CK) → actors, campaigns, incidents, organizations, with the
 * relationships our model has. Revoked and deprecated objects are skipped unless asked for;
 * object types and relationship types we have no place for are counted, never fatal. A bundle we
 * exported carries our extension's properties (domain/stix.ts): they give back our ids and every
 * fact STIX has no property for, and are checked like the native format's fields.
 */
export function readStixBundle(
  text: string,
  file: string,
  taxonomy: Taxonomy,
  options: StixOptions = {},
): ReadResult {
  const result = emptyReadResult();
  const bundle = parseBundle(text, file, result);
  if (!bundle) return result;
  const reading = startReading({
    bundleId: bundle.id,
    objects: latestVersions(bundle.objects, file, result),
    file,
    taxonomy,
    includeRevoked: options.includeRevoked ?? false,
    result,
  });
  readObjects(reading);
  readRelationships(reading);
  withoutRepeats(result.records);
  result.records.sources.push(...reading.citations.records());
  return result;
}

function parseBundle(
  text: string,
  file: string,
  result: ReadResult,
): { id: string; objects: unknown[] } | undefined {
  const parsed = parseJsonFile(text, file);
  if ('issue' in parsed) {
    result.issues.push(parsed.issue);
    return undefined;
  }
  const bundle = bundleSchema.safeParse(parsed.value);
  if (bundle.success) return bundle.data;
  result.issues.push({
    file,
    location: 'file',
    reason: 'not a STIX 2.1 bundle (expected "type": "bundle" and "objects")',
  });
  return undefined;
}

/** The bundle's objects by id: of two with one id, the most recently modified, as STIX versioning intends. */
function latestVersions(
  objects: unknown[],
  file: string,
  result: ReadResult,
): Map<string, IndexedObject> {
  const latest = new Map<string, IndexedObject>();
  objects.forEach((raw, index) => {
    const object = stixObject.safeParse(raw);
    if (!object.success) {
      const problems = object.error.issues.map(
        (i) => `${i.path.join('.') || 'object'}: ${i.message}`,
      );
      const reason = `not a STIX object: ${problems.join('; ')}`;
      result.issues.push({ file, location: `objects[${index}]`, reason });
      return;
    }
    const previous = latest.get(object.data.id);
    if (previous) {
      countSkipped(result, 'duplicate ids (older version dropped)');
      if ((previous.object.modified ?? '') >= (object.data.modified ?? '')) return;
    }
    latest.set(object.data.id, { object: object.data, index });
  });
  return latest;
}

/** Sectors and countries named by several relationships, each kept once. */
function withoutRepeats(records: GraphRecords): void {
  for (const incident of records.incidents) incident.sectorIds = [...new Set(incident.sectorIds)];
  for (const { targets } of records.actors) {
    if (!targets) continue;
    targets.sectorIds = [...new Set(targets.sectorIds)];
    targets.countries = [...new Set(targets.countries)];
  }
}
