import { z } from 'zod';
import { parsePartialDate } from '../../domain/partial-date.js';
import {
  actorTypes,
  affiliationKinds,
  attributionBases,
  attributionStatuses,
  impactCategories,
  motivations,
  objectives,
} from '../../domain/vocabulary.js';
import { fieldLimits, tooLong } from '../field-limits.js';

/**
 * The native dataset format, "cig-dataset/1": the seeds are written in it, `cig import` reads it
 * and `cig export --format json` writes it. This zod schema is its only definition;
 * schema/dataset.schema.json is generated from it (`npm run schema:dataset`).
 * Taxonomy ids (sectors, attack types) and country codes are checked against seeds/taxonomy when a
 * file is validated, so the JSON Schema states them as plain strings.
 */
export const DATASET_FORMAT = 'cig-dataset/1';

export const slugSchema = z
  .string()
  .regex(
    new RegExp(`^[a-z0-9][a-z0-9._-]{0,${fieldLimits.id - 1}}$`),
    `expected a lowercase slug (a-z, 0-9, ".", "_", "-"), at most ${fieldLimits.id} characters`,
  );
/** A text of at most `max` characters (see field-limits.ts); `text` trims it and wants something. */
const upTo = (max: number) => z.string().max(max, tooLong(max));
const text = (max: number) => z.string().trim().min(1).max(max, tooLong(max));
const url = z
  .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
  .max(fieldLimits.url, tooLong(fieldLimits.url));
const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, {
    error: (issue) => `expected YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(issue.input)}`,
    abort: true,
  })
  .superRefine((value, ctx) => {
    const parsed = parsePartialDate(value);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
  });
const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as UA');
const confidence = z.number().int().min(0).max(100);
const sourceRefs = z.array(url).min(1, 'cite at least one source');

const stateClaim = z.strictObject({
  country: countryCode,
  confidence,
  sources: sourceRefs,
});

export const sourceSchema = z.strictObject({
  url,
  title: text(fieldLimits.sourceTitle),
  publisher: text(fieldLimits.publisher),
  publishedAt: partialDate.nullish(),
});

export const actorSchema = z.strictObject({
  id: slugSchema,
  name: text(fieldLimits.actorName),
  aliases: z.array(text(fieldLimits.alias)).default([]),
  type: z.enum(actorTypes),
  motivations: z.array(z.enum(motivations)).default([]),
  description: upTo(fieldLimits.description).nullish(),
  firstSeen: partialDate.nullish(),
  lastSeen: partialDate.nullish(),
  externalIds: z.array(text(fieldLimits.externalId)).default([]),
  origin: stateClaim.nullish(),
  sponsors: z.array(stateClaim).default([]),
  affiliations: z
    .array(z.strictObject({ actor: slugSchema, kind: z.enum(affiliationKinds) }))
    .default([]),
  /** Reported victimology from sources that name no incidents (MISP, ATT&CK). */
  targets: z
    .strictObject({
      sectors: z.array(z.string()).default([]),
      countries: z.array(countryCode).default([]),
      confidence: confidence.nullish(),
      sources: sourceRefs,
    })
    .nullish(),
});

export const attributionSchema = z.strictObject({
  actor: slugSchema,
  confidence,
  basis: z.enum(attributionBases),
  status: z.enum(attributionStatuses),
  claimedBy: upTo(fieldLimits.claimedBy).nullish(),
  assessedAt: partialDate.nullish(),
  sources: sourceRefs,
});

export const campaignSchema = z.strictObject({
  id: slugSchema,
  name: text(fieldLimits.campaignName),
  description: upTo(fieldLimits.description).nullish(),
  startDate: partialDate.nullish(),
  endDate: partialDate.nullish(),
  /** Claims about who ran the campaign, as an incident's. */
  attributions: z.array(attributionSchema).default([]),
});

export const organizationSchema = z.strictObject({
  id: slugSchema,
  name: text(fieldLimits.organizationName),
  sectors: z.array(z.string()).default([]),
  country: countryCode.nullish(),
});

const impactLevel = text(fieldLimits.impactLevel);

/**
 * What an incident did: the quantities an editor records, and what the trackers measure
 * (categories, EuRepoC's intensity and impact levels), which cite `sources`.
 */
const impactSchema = z.strictObject({
  disruptionDays: z.number().nonnegative().nullish(),
  recordsAffected: z.number().int().nonnegative().nullish(),
  ransomDemandedUsd: z.number().nonnegative().nullish(),
  ransomPaidUsd: z.number().nonnegative().nullish(),
  categories: z
    .array(
      z.strictObject({
        category: z.enum(impactCategories),
        description: upTo(fieldLimits.description).nullish(),
      }),
    )
    .default([]),
  cyberIntensity: z
    .strictObject({
      unweighted: z.number().nonnegative().nullish(),
      weighted: z.number().nonnegative().nullish(),
      targetMultiplier: impactLevel.nullish(),
    })
    .nullish(),
  functional: impactLevel.nullish(),
  intelligence: impactLevel.nullish(),
  political: z.array(z.strictObject({ measure: impactLevel, level: impactLevel })).default([]),
  economic: impactLevel.nullish(),
  economicValue: z
    .strictObject({ amount: z.number().nonnegative(), currency: impactLevel.nullish() })
    .nullish(),
  casualties: impactLevel.nullish(),
  /** The sources of the measured values (the quantities cite the incident's). */
  sources: z.array(url).default([]),
});

export const incidentSchema = z.strictObject({
  id: slugSchema,
  title: text(fieldLimits.incidentTitle),
  description: upTo(fieldLimits.incidentDescription).nullish(),
  startDate: partialDate,
  endDate: partialDate.nullish(),
  attackTypes: z.array(z.string()).default([]),
  objective: z.enum(objectives).nullish(),
  impact: impactSchema.nullish(),
  sectors: z.array(z.string()).default([]),
  countries: z
    .array(z.strictObject({ country: countryCode, primary: z.boolean().default(false) }))
    .default([]),
  /** Regions named as affected where no country is ("Eastern Europe", "EU", "Global"). */
  regions: z.array(text(fieldLimits.region)).default([]),
  organizations: z.array(slugSchema).default([]),
  campaign: slugSchema.nullish(),
  sources: sourceRefs,
  attributions: z.array(attributionSchema).default([]),
  externalIds: z.array(text(fieldLimits.externalId)).default([]),
});

/** The envelope. Records are validated one by one (see validate.ts), so here they are unknown. */
export const datasetEnvelopeSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(DATASET_FORMAT),
  description: z.string().optional(),
  sources: z.array(z.unknown()).default([]),
  actors: z.array(z.unknown()).default([]),
  campaigns: z.array(z.unknown()).default([]),
  organizations: z.array(z.unknown()).default([]),
  incidents: z.array(z.unknown()).default([]),
});

/** The whole document, for the published JSON Schema. */
export const datasetSchema = datasetEnvelopeSchema.extend({
  sources: z.array(sourceSchema).default([]),
  actors: z.array(actorSchema).default([]),
  campaigns: z.array(campaignSchema).default([]),
  organizations: z.array(organizationSchema).default([]),
  incidents: z.array(incidentSchema).default([]),
});

export type SourceInput = z.infer<typeof sourceSchema>;
export type ActorInput = z.infer<typeof actorSchema>;
export type CampaignInput = z.infer<typeof campaignSchema>;
export type OrganizationInput = z.infer<typeof organizationSchema>;
export type IncidentInput = z.infer<typeof incidentSchema>;
export type AttributionInput = z.infer<typeof attributionSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
