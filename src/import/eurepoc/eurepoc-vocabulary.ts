import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  actorTypes,
  attributionBases,
  attributionStatuses,
  impactCategories,
  type ActorType,
  type ImpactCategory,
} from '../../domain/vocabulary.js';
import { seedsDir } from '../../paths.js';

/** How a claim is graded when EuRepoC's attribution basis (or type) says who made it. */
export interface ClaimGrade {
  basis: (typeof attributionBases)[number];
  status: (typeof attributionStatuses)[number];
  confidence: number;
}

/** A value found in a table: what it maps to, or why it knowingly maps to nothing. */
export type Lookup<T> = { value: T } | { unmapped: string } | undefined;

const claimGrade = z.object({
  basis: z.enum(attributionBases),
  status: z.enum(attributionStatuses),
  confidence: z.number().int().min(0).max(100),
});
const table = <T extends z.ZodType>(value: T) =>
  z.object({
    mappings: z.record(z.string(), value),
    unmapped: z.record(z.string(), z.string()).default({}),
  });
const fileSchema = z.object({
  regions: table(z.string()),
  initiatorCategories: table(z.enum(actorTypes)),
  attributionBases: table(claimGrade),
  attributionTypes: table(claimGrade),
  defaultClaim: claimGrade,
  impactCategories: table(z.enum(impactCategories)),
});

/** EuRepoC's own codes that are not sectors or attack types (seeds/taxonomy/mappings/eurepoc.json). */
export interface EurepocVocabulary {
  /** "Europe (region)" → a UN M49 region or sub-region name, "EU" or "Global". */
  region(value: string): Lookup<string>;
  /** An initiator category, or "<category> > <subcategory>", → our actor type. */
  actorType(value: string): Lookup<ActorType>;
  attributionBasis(value: string): Lookup<ClaimGrade>;
  attributionType(value: string): Lookup<ClaimGrade>;
  /** The grade of a claim whose basis and type say nothing we know. */
  defaultClaim: ClaimGrade;
  /** An incident type → the impact category it records. */
  impactCategory(value: string): Lookup<ImpactCategory>;
}

const normalise = (value: string): string => value.trim().toLowerCase();

function lookup<T>(entries: { mappings: Record<string, T>; unmapped: Record<string, string> }) {
  const mapped = new Map(Object.entries(entries.mappings).map(([k, v]) => [normalise(k), v]));
  const unmapped = new Map(Object.entries(entries.unmapped).map(([k, v]) => [normalise(k), v]));
  return (value: string): Lookup<T> => {
    const key = normalise(value);
    const hit = mapped.get(key);
    if (hit !== undefined) return { value: hit };
    const reason = unmapped.get(key);
    return reason === undefined ? undefined : { unmapped: reason };
  };
}

let cached: EurepocVocabulary | undefined;

/** Reads the table once per process; a value outside our closed vocabularies fails loudly. */
export function loadEurepocVocabulary(): EurepocVocabulary {
  if (cached) return cached;
  const file = path.join(seedsDir, 'taxonomy/mappings/eurepoc.json');
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `Invalid seeds/taxonomy/mappings/eurepoc.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const data = parsed.data;
  cached = {
    region: lookup(data.regions),
    actorType: lookup(data.initiatorCategories),
    attributionBasis: lookup(data.attributionBases),
    attributionType: lookup(data.attributionTypes),
    defaultClaim: data.defaultClaim,
    impactCategory: lookup(data.impactCategories),
  };
  return cached;
}
