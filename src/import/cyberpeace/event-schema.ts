import { z } from 'zod';

/**
 * One event record as the CyberPeace Institute platforms' web API serves it. Only the shape is
 * checked here (a field of the wrong kind makes the record malformed); which values are required
 * and what they map to is the reader's business. Absent and null mean the same.
 */
const text = z.string().nullish();
/** Keys and years come as strings or numbers. */
const scalar = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value === null || value === undefined ? undefined : String(value)));
/** A list the API may also give as null. */
const listOf = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((items) => items ?? []);
/** A string list the API writes as one separated string, or as a list. */
const stringOrList = z
  .union([z.string(), z.array(z.string())])
  .nullish()
  .transform((value) => (value === null || value === undefined ? [] : [value].flat()));

export const threatActorSchema = z
  .object({
    _key: scalar,
    name: text,
    type: text,
    identifiers: stringOrList,
    active: scalar,
    apt: text,
    allegiance: text,
    origin: text,
    targetedSectors: stringOrList,
    Description: text,
    description: text,
  })
  .loose();
export type ThreatActor = z.infer<typeof threatActorSchema>;

export const eventRecordSchema = z
  .object({
    event: z
      .object({
        _key: scalar,
        eventName: text,
        description: text,
        eventDateFrom: text,
        type: stringOrList,
        eventConfidence: text,
      })
      .loose(),
    impacts: listOf(z.object({ category: text, description: text }).loose()),
    location: z.object({ country: text, countryAbbreviation: text }).loose().nullish(),
    sectors: listOf(z.object({ division: text }).loose()),
    sources: listOf(z.object({ URL: text, title: text, sourceName: text }).loose()),
    threatActor: threatActorSchema.nullish(),
    otherThreatActors: listOf(z.union([z.string(), threatActorSchema])),
  })
  .loose();
export type EventRecord = z.infer<typeof eventRecordSchema>;
