import { parsePartialDate, type PartialDate } from '../../domain/partial-date.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import type { AttributionRecord, ImpactRecord, IncidentRecord } from '../records.js';
import { slugify } from '../slug.js';
import {
  CLAIM_BASIS,
  CLAIMED_BY,
  claimGrade,
  impactCategoryOf,
  isPlaceholder,
} from './cyberpeace-vocabulary.js';
import type { EventRecord } from './event-schema.js';
import type { SourceCatalogue } from './source-catalogue.js';
import { naceSectors, type Drop, type ThreatActors } from './threat-actors.js';
import { normaliseSourceUrl } from './source-url.js';

/** What an event cannot be imported without: an id, a title and a day. */
export interface EventCore {
  id: string;
  key: string;
  title: string;
  start: PartialDate;
}

export interface EventProblem {
  field: string;
  reason: string;
  value?: string;
}

/** The event's id, title and start, or every reason it cannot be imported. */
export function eventCore(event: EventRecord['event']): EventCore | { problems: EventProblem[] } {
  const problems: EventProblem[] = [];
  const key = event._key?.trim() ?? '';
  const slug = slugify(key);
  if (slug === '')
    problems.push({
      field: 'event._key',
      reason: 'an event needs a key of letters or digits',
      value: key,
    });
  const title = event.eventName?.trim() ?? '';
  if (title === '') problems.push({ field: 'event.eventName', reason: 'an event needs a name' });
  const start = eventDay(event.eventDateFrom ?? '');
  if ('error' in start)
    problems.push({
      field: 'event.eventDateFrom',
      reason: start.error,
      value: event.eventDateFrom ?? '',
    });
  if (problems.length > 0 || 'error' in start) return { problems };
  return { id: `cp-${slug}`, key, title, start };
}

/** The day an ISO date-time falls on, as written (its own offset, not converted). */
function eventDay(text: string): PartialDate | { error: string } {
  const day = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text.trim());
  if (!day?.[1]) return { error: 'an event needs a start as an ISO date or date-time' };
  return parsePartialDate(day[1]);
}

export interface EventContext {
  taxonomy: Taxonomy;
  sources: SourceCatalogue;
  actors: ThreatActors;
  drop: Drop;
}

/**
 * An event with its core read → the incident, with every value that maps to nothing of ours
 * reported through `drop`. An event that names no usable source cites the platform.
 */
export function eventIncident(
  record: EventRecord,
  core: EventCore,
  context: EventContext,
): { incident: IncidentRecord; citesPlatform: boolean } {
  const { event } = record;
  const cited = citedSources(record.sources, context);
  const sourceIds = cited.length > 0 ? cited : [context.sources.platform()];
  return {
    incident: {
      id: core.id,
      title: core.title,
      description: event.description?.trim() || null,
      startDate: core.start.first,
      endDate: core.start.last,
      datePrecision: core.start.precision,
      endPrecision: null,
      attackTypes: attackTypes(event.type, context),
      objective: null,
      disruptionDays: null,
      recordsAffected: null,
      ransomDemandedUsd: null,
      ransomPaidUsd: null,
      sectorIds: [
        ...new Set(
          record.sectors.flatMap((sector, i) =>
            sector.division?.trim()
              ? naceSectors(
                  context.taxonomy,
                  sector.division,
                  `sectors[${i}].division`,
                  context.drop,
                )
              : [],
          ),
        ),
      ],
      countries: affectedCountry(record.location, context),
      regions: [],
      organizationIds: [],
      campaignId: null,
      sourceIds,
      attributions: claims(record, sourceIds, context),
      externalIds: [`cyberpeace:${core.key}`],
      impact: impact(record.impacts, sourceIds, context),
    },
    citesPlatform: cited.length === 0,
  };
}

function citedSources(sources: EventRecord['sources'], context: EventContext): string[] {
  const ids = sources.flatMap((source, i) => {
    const link = source.URL ?? '';
    const url = normaliseSourceUrl(link);
    if ('error' in url) {
      context.drop({ field: `sources[${i}].URL`, reason: url.error, value: link });
      return [];
    }
    return [
      context.sources.cite(
        url.url,
        source.title?.trim() || null,
        source.sourceName?.trim() || null,
      ),
    ];
  });
  return [...new Set(ids)];
}

function attackTypes(types: string[], context: EventContext): string[] {
  const ids = types
    .map((type) => type.trim())
    .filter((type) => type !== '')
    .flatMap((type) => {
      const mapped = context.taxonomy.mapAttackType('cyberpeace', type);
      if (mapped && 'ids' in mapped) return mapped.ids;
      context.drop({
        field: 'event.type',
        reason: mapped
          ? `maps to no attack type of ours (${mapped.unmapped})`
          : 'unknown attack type in the cyberpeace vocabulary',
        value: type,
      });
      return [];
    });
  return [...new Set(ids)];
}

/**
 * The event's location: its alpha-2 code, else its country name. A value that resolves to no
 * country, or to another country than the one kept, is reported.
 */
function affectedCountry(
  location: EventRecord['location'],
  context: EventContext,
): IncidentRecord['countries'] {
  const named = [
    { field: 'location.countryAbbreviation', value: location?.countryAbbreviation?.trim() ?? '' },
    { field: 'location.country', value: location?.country?.trim() ?? '' },
  ]
    .filter(({ value }) => !isPlaceholder(value))
    .map((named) => ({ ...named, code: context.taxonomy.resolveCountry(named.value) }));
  const code = named.find((n) => n.code !== undefined)?.code;
  for (const { field, value, code: own } of named) {
    if (own === code || (own === undefined && code !== undefined)) continue;
    const not = context.taxonomy.notACountry(value);
    context.drop({
      field,
      reason: own
        ? `names another country than the country code ${code ?? ''}`
        : not
          ? `not a country (${not})`
          : 'unknown country',
      value,
    });
  }
  return code ? [{ iso2: code, primary: true }] : [];
}

/**
 * One claim per actor the event names, graded by the event's confidence. Without a grade the
 * platform's claim cannot be weighed, so it is left out and the actor reported.
 */
function claims(
  record: EventRecord,
  sourceIds: string[],
  context: EventContext,
): AttributionRecord[] {
  const named = [
    ...(record.threatActor ? [{ actor: record.threatActor, field: 'threatActor' }] : []),
    ...record.otherThreatActors.map((actor, i) => ({ actor, field: `otherThreatActors[${i}]` })),
  ];
  const actorIds = [
    ...new Set(
      named.flatMap(({ actor, field }) => context.actors.idOf(actor, field, context.drop) ?? []),
    ),
  ];
  if (actorIds.length === 0) return [];
  const gradeText = record.event.eventConfidence?.trim() ?? '';
  const grade = claimGrade(gradeText);
  if (!grade) {
    context.drop({
      field: 'event.eventConfidence',
      reason:
        'not Possible, Probable or Confirmed: the attribution claims of the event are left out',
      value: gradeText,
    });
    return [];
  }
  return actorIds.map((actorId) => ({
    actorId,
    confidence: grade.confidence,
    basis: CLAIM_BASIS,
    status: grade.status,
    claimedBy: CLAIMED_BY,
    assessedAt: null,
    sourceIds,
    key: null,
  }));
}

function impact(
  impacts: EventRecord['impacts'],
  sourceIds: string[],
  context: EventContext,
): ImpactRecord | null {
  const seen = new Set<string>();
  const categories = impacts.flatMap((entry, i) => {
    const value = entry.category?.trim() ?? '';
    const category = impactCategoryOf(value);
    const description = entry.description?.trim() || null;
    if (!category) {
      context.drop({
        field: `impacts[${i}].category`,
        reason: value === '' ? 'an impact without a category' : 'unknown impact category',
        value: value || (description ?? ''),
      });
      return [];
    }
    const key = `${category}|${description ?? ''}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ category, description }];
  });
  if (categories.length === 0) return null;
  return {
    categories,
    cyberIntensity: null,
    functional: null,
    intelligence: null,
    political: [],
    economic: null,
    economicValue: null,
    casualties: null,
    sourceIds,
  };
}
