import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { seedsDir } from '../../paths.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { parseJsonFile } from '../json-file.js';
import {
  emptyReadResult,
  emptyRecords,
  sourceIdOf,
  type ActorRecord,
  type ReadResult,
} from '../records.js';
import { slugify } from '../slug.js';

/**
 * A MISP galaxy threat-actor cluster → actors with their reported victimology. MISP names no
 * incidents, so victims become (Actor)-[:TARGETS]->(Sector|Country) edges citing the galaxy.
 */
const stringList = z.preprocess(
  (v) => (v === undefined || v === null ? [] : typeof v === 'string' ? [v] : v),
  z.array(z.string()),
);
const valueSchema = z.object({
  value: z.string().trim().min(1),
  uuid: z.string().min(1),
  description: z.string().optional(),
  meta: z
    .object({
      synonyms: stringList,
      country: z.string().optional(),
      'attribution-confidence': z.union([z.string(), z.number()]).optional(),
      'cfr-suspected-state-sponsor': stringList,
      'cfr-suspected-victims': stringList,
      'cfr-target-category': stringList,
      'targeted-sector': stringList,
    })
    .loose()
    .default({
      synonyms: [],
      'cfr-suspected-state-sponsor': [],
      'cfr-suspected-victims': [],
      'cfr-target-category': [],
      'targeted-sector': [],
    }),
  related: z
    .array(z.object({ 'dest-uuid': z.string(), type: z.string().optional() }).loose())
    .default([]),
});
const clusterSchema = z.object({
  type: z.string(),
  name: z.string().optional(),
  uuid: z.string().optional(),
  version: z.number().optional(),
  values: z.array(z.unknown()),
});

const relationsFile = z.object({
  affiliations: z.record(z.string(), z.enum(['SUBGROUP', 'ALIAS_OF', 'COOPERATES'])),
  notAffiliations: z.record(z.string(), z.string()),
});

const ATTACK_GROUP_ID = /^G\d{4}$/;

export function readMispGalaxy(text: string, file: string, taxonomy: Taxonomy): ReadResult {
  const records = emptyRecords();
  const result: ReadResult = { ...emptyReadResult(), records };
  const parsed = parseJsonFile(text, file);
  if ('issue' in parsed) {
    result.issues.push(parsed.issue);
    return result;
  }
  const cluster = clusterSchema.safeParse(parsed.value);
  if (!cluster.success || cluster.data.type !== 'threat-actor') {
    result.issues.push({
      file,
      location: 'file',
      reason: cluster.success
        ? `a MISP galaxy cluster of type "${cluster.data.type}"; only "threat-actor" clusters can be imported`
        : 'not a MISP galaxy cluster (expected "type" and "values")',
    });
    return result;
  }
  const relations = relationsFile.parse(
    JSON.parse(readFileSync(path.join(seedsDir, 'taxonomy/mappings/misp-relations.json'), 'utf8')),
  );
  const galaxyUrl = 'https://github.com/MISP/misp-galaxy/blob/main/clusters/threat-actor.json';
  const sourceId = sourceIdOf(galaxyUrl);
  records.sources.push({
    id: sourceId,
    url: galaxyUrl,
    title: `MISP galaxy: ${cluster.data.name ?? 'Threat Actor'}${cluster.data.version ? ` (version ${cluster.data.version})` : ''}`,
    publisher: 'MISP Project',
    publishedAt: null,
  });

  const count = (bucket: Map<string, number>, key: string): void => {
    bucket.set(key, (bucket.get(key) ?? 0) + 1);
  };
  const unmappedSectors = new Map<string, number>();
  const notCountries = new Map<string, number>();
  const unknownValues = new Map<string, number>();

  const idByUuid = new Map<string, string>();
  const usedIds = new Set<string>();
  const pendingRelations: { actorId: string; destUuid: string; type: string }[] = [];

  cluster.data.values.forEach((raw, index) => {
    const location = `values[${index}]`;
    const value = valueSchema.safeParse(raw);
    if (!value.success) {
      for (const problem of value.error.issues) {
        result.issues.push({
          file,
          kind: 'actors',
          location,
          field: problem.path.join('.') || undefined,
          reason: problem.message,
        });
      }
      return;
    }
    const { value: name, uuid, meta, description, related } = value.data;
    if (idByUuid.has(uuid)) {
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
    let id = slugify(name) || `misp-${uuid.slice(0, 8)}`;
    if (usedIds.has(id)) id = `${id}-${uuid.slice(0, 8)}`;
    usedIds.add(id);
    idByUuid.set(uuid, id);
    result.locations.set(`actors:${id}`, location);

    const resolveCountries = (names: string[]): string[] =>
      names.flatMap((text) => {
        const code = taxonomy.resolveCountry(text);
        if (code) return [code];
        if (taxonomy.notACountry(text) !== undefined) count(notCountries, text.trim());
        else count(unknownValues, `country "${text.trim()}"`);
        return [];
      });
    const sectorIds = [...meta['cfr-target-category'], ...meta['targeted-sector']].flatMap(
      (text) => {
        const mapped = taxonomy.mapSector('misp', text);
        if (mapped && 'ids' in mapped) return mapped.ids;
        if (mapped) count(unmappedSectors, text.trim());
        else count(unknownValues, `sector "${text.trim()}"`);
        return [];
      },
    );
    const confidence =
      meta['attribution-confidence'] === undefined ? null : Number(meta['attribution-confidence']);
    const origin = meta.country ? taxonomy.resolveCountry(meta.country) : undefined;
    if (meta.country && !origin) count(unknownValues, `origin country "${meta.country}"`);
    const victims = [...new Set(resolveCountries(meta['cfr-suspected-victims']))];
    const sectors = [...new Set(sectorIds)];

    const actor: ActorRecord = {
      id,
      name,
      aliases: [
        ...new Set(meta.synonyms.map((s) => s.trim()).filter((s) => s !== '' && s !== name)),
      ],
      type: null,
      motivations: [],
      description: description?.trim() ?? null,
      firstSeen: null,
      lastSeen: null,
      externalIds: [
        `misp:${uuid}`,
        ...meta.synonyms.filter((s) => ATTACK_GROUP_ID.test(s.trim())).map((s) => s.trim()),
      ],
      origin: origin
        ? {
            country: origin,
            confidence: Number.isFinite(confidence) ? confidence : null,
            sourceIds: [sourceId],
          }
        : null,
      sponsors: [...new Set(resolveCountries(meta['cfr-suspected-state-sponsor']))].map(
        (country) => ({
          country,
          confidence: null,
          sourceIds: [sourceId],
        }),
      ),
      affiliations: [],
      targets:
        victims.length > 0 || sectors.length > 0
          ? { sectorIds: sectors, countries: victims, confidence: null, sourceIds: [sourceId] }
          : null,
    };
    records.actors.push(actor);
    for (const relation of related) {
      pendingRelations.push({
        actorId: id,
        destUuid: relation['dest-uuid'],
        type: relation.type ?? 'related-to',
      });
    }
  });

  // Relations are resolved after all values are read: they point forward as often as back.
  const byId = new Map(records.actors.map((a) => [a.id, a]));
  let outsideFile = 0;
  for (const relation of pendingRelations) {
    const kind = relations.affiliations[relation.type];
    const target = idByUuid.get(relation.destUuid);
    if (!kind || relations.notAffiliations[relation.type] !== undefined) continue;
    if (!target) {
      outsideFile += 1;
      continue;
    }
    if (target !== relation.actorId)
      byId.get(relation.actorId)?.affiliations.push({ actorId: target, kind });
  }
  if (outsideFile > 0) result.skipped['relations to clusters outside this file'] = outsideFile;
  const summarise = (label: string, bucket: Map<string, number>): void => {
    if (bucket.size === 0) return;
    const list = [...bucket].sort((a, b) => b[1] - a[1]).map(([v, n]) => `${v} (${n})`);
    result.notes.push(`${label}: ${list.join(', ')}`);
  };
  summarise('victims left out as not countries', notCountries);
  summarise('sector values that map to no sector of ours', unmappedSectors);
  summarise('values not in any mapping table (add them to seeds/taxonomy)', unknownValues);
  return result;
}
