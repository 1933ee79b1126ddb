import { parsePartialDate, type PartialDate } from '../../domain/partial-date.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import type { RecordProblem } from '../records.js';
import type { StixObject } from './stix-object.js';

/** The partial dates our extension gives an object (x_cig_first_seen, x_cig_start, …), parsed. */
export type ExtensionDates = Partial<
  Record<'firstSeen' | 'lastSeen' | 'start' | 'end', PartialDate>
>;

type DateField = 'x_cig_first_seen' | 'x_cig_last_seen' | 'x_cig_start' | 'x_cig_end';

/**
 * Our extension's checks, as the native format makes them: each bad field a problem, and the
 * object left out when it has any. The dates come back parsed for the object's record.
 */
export function checkExtension(
  object: StixObject,
  taxonomy: Taxonomy,
): { problems: RecordProblem[]; dates: ExtensionDates } {
  const problems: RecordProblem[] = [];
  const date = (field: DateField) => parsedDate(object, field, problems);
  const dates: ExtensionDates = {
    firstSeen: date('x_cig_first_seen'),
    lastSeen: date('x_cig_last_seen'),
    start: date('x_cig_start'),
    end: date('x_cig_end'),
  };
  problems.push(...dateOrderProblems(dates), ...taxonomyProblems(object, taxonomy));
  return { problems, dates };
}

function parsedDate(
  object: StixObject,
  field: DateField,
  problems: RecordProblem[],
): PartialDate | undefined {
  const text = object[field];
  if (text === undefined) return undefined;
  const parsed = parsePartialDate(text);
  if (!('error' in parsed)) return parsed;
  problems.push({ field, reason: parsed.error });
  return undefined;
}

function dateOrderProblems(dates: ExtensionDates): RecordProblem[] {
  const spans = [
    [dates.firstSeen, dates.lastSeen, 'x_cig_last_seen'],
    [dates.start, dates.end, 'x_cig_end'],
  ] as const;
  return spans.flatMap(([first, last, field]) =>
    first && last && last.last < first.first ? [{ field, reason: 'is before the start' }] : [],
  );
}

/** Attack types and sectors of ours that our taxonomy does not have. */
function taxonomyProblems(object: StixObject, taxonomy: Taxonomy): RecordProblem[] {
  const problems: RecordProblem[] = [];
  (object.x_cig_attack_types ?? []).forEach((t, i) => {
    if (!taxonomy.isAttackType(t))
      problems.push({ field: `x_cig_attack_types.${i}`, reason: `unknown attack type "${t}"` });
  });
  (object.x_cig_sector_ids ?? []).forEach((t, i) => {
    if (!taxonomy.isSector(t))
      problems.push({ field: `x_cig_sector_ids.${i}`, reason: `unknown sector "${t}"` });
  });
  const { x_cig_id: id } = object;
  if (
    object.type === 'identity' &&
    object.identity_class === 'class' &&
    id &&
    !taxonomy.isSector(id)
  )
    problems.push({ field: 'x_cig_id', reason: `unknown sector "${id}"` });
  return problems;
}
