import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { seedsDir } from '../../paths.js';

/** A list the galaxy may give as one string, or not at all. */
const stringList = z.preprocess(
  (v) => (v === undefined || v === null ? [] : typeof v === 'string' ? [v] : v),
  z.array(z.string()),
);

/** One value of a MISP galaxy cluster: a threat actor, with what the galaxy reports of it. */
export const valueSchema = z.object({
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
export type MispValue = z.infer<typeof valueSchema>;

export const clusterSchema = z.object({
  type: z.string(),
  name: z.string().optional(),
  uuid: z.string().optional(),
  version: z.number().optional(),
  values: z.array(z.unknown()),
});
export type MispCluster = z.infer<typeof clusterSchema>;

const relationsFile = z.object({
  affiliations: z.record(z.string(), z.enum(['SUBGROUP', 'ALIAS_OF', 'COOPERATES'])),
  notAffiliations: z.record(z.string(), z.string()),
});
/** Which MISP relation types are affiliations of ours, and which are known not to be. */
export type MispRelations = z.infer<typeof relationsFile>;

export function loadMispRelations(): MispRelations {
  const file = path.join(seedsDir, 'taxonomy/mappings/misp-relations.json');
  return relationsFile.parse(JSON.parse(readFileSync(file, 'utf8')));
}
