import { z } from 'zod';
import {
  actorTypes,
  affiliationKinds,
  attributionBases,
  attributionStatuses,
  impactCategories,
  motivations,
  objectives,
} from '../../domain/vocabulary.js';

/**
 * The STIX 2.1 objects we read and the properties of them we use, our extension's (x_cig_*,
 * domain/stix.ts) included. Properties we do not use pass through unchecked.
 */
const externalReference = z
  .object({
    source_name: z.string().optional(),
    url: z.string().optional(),
    external_id: z.string().optional(),
    description: z.string().optional(),
  })
  .loose();
export const stixObject = z
  .object({
    type: z.string(),
    id: z.string(),
    modified: z.string().optional(),
    created: z.string().optional(),
    revoked: z.boolean().optional(),
    x_mitre_deprecated: z.boolean().optional(),
    name: z.string().optional(),
    description: z.string().optional(),
    aliases: z.array(z.string()).optional(),
    first_seen: z.string().optional(),
    last_seen: z.string().optional(),
    threat_actor_types: z.array(z.string()).optional(),
    identity_class: z.string().optional(),
    sectors: z.array(z.string()).optional(),
    country: z.string().optional(),
    confidence: z.number().optional(),
    relationship_type: z.string().optional(),
    source_ref: z.string().optional(),
    target_ref: z.string().optional(),
    created_by_ref: z.string().optional(),
    external_references: z.array(externalReference).optional(),
    x_cig_id: z.string().min(1).optional(),
    x_cig_type: z.enum(actorTypes).optional(),
    x_cig_motivations: z.array(z.enum(motivations)).optional(),
    x_cig_first_seen: z.string().optional(),
    x_cig_last_seen: z.string().optional(),
    x_cig_start: z.string().optional(),
    x_cig_end: z.string().optional(),
    x_cig_external_ids: z.array(z.string()).optional(),
    x_cig_attack_types: z.array(z.string()).optional(),
    x_cig_objective: z.enum(objectives).optional(),
    x_cig_disruption_days: z.number().nonnegative().optional(),
    x_cig_records_affected: z.number().int().nonnegative().optional(),
    x_cig_ransom_demanded_usd: z.number().nonnegative().optional(),
    x_cig_ransom_paid_usd: z.number().nonnegative().optional(),
    x_cig_sector_ids: z.array(z.string()).optional(),
    x_cig_basis: z.enum(attributionBases).optional(),
    x_cig_status: z.enum(attributionStatuses).optional(),
    x_cig_claimed_by: z.string().optional(),
    x_cig_assessed_at: z.string().optional(),
    x_cig_primary: z.boolean().optional(),
    x_cig_kind: z.enum(affiliationKinds).optional(),
    x_cig_regions: z.array(z.string()).optional(),
    x_cig_impact: z
      .object({
        categories: z
          .array(
            z.object({ category: z.enum(impactCategories), description: z.string().optional() }),
          )
          .optional(),
        cyber_intensity: z
          .object({
            unweighted: z.number().nonnegative().optional(),
            weighted: z.number().nonnegative().optional(),
            target_multiplier: z.string().optional(),
          })
          .optional(),
        functional: z.string().optional(),
        intelligence: z.string().optional(),
        political: z.array(z.object({ measure: z.string(), level: z.string() })).optional(),
        economic: z.string().optional(),
        economic_value: z
          .object({ amount: z.number().nonnegative(), currency: z.string().optional() })
          .optional(),
        casualties: z.string().optional(),
        external_references: z.array(externalReference).optional(),
      })
      .optional(),
  })
  .loose();
export type StixObject = z.infer<typeof stixObject>;

export const bundleSchema = z.object({
  type: z.literal('bundle'),
  id: z.string(),
  objects: z.array(z.unknown()),
});
