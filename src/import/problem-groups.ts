import path from 'node:path';
import type { DroppedValue, ImportIssue } from './records.js';

/** Problems alike in field, reason and value, with where each one is, in the file's order. */
export interface ProblemGroup {
  field: string | undefined;
  reason: string;
  value: string | undefined;
  places: string[];
}

/** How many places a group's line names before counting the rest. */
export const PLACES_SHOWN = 5;

/** What an issue and a dropped value share: each groups alike. */
type Problem = Pick<ImportIssue, 'file' | 'location' | 'recordId' | 'field' | 'reason' | 'value'>;

/**
 * Problems (rejected records' issues, or dropped values) grouped by field, reason and value,
 * biggest group first, groups of one size in the order their first problem came. Places name the
 * file only when the import read several.
 */
export function groupProblems(
  problems: readonly Problem[],
  files: readonly string[],
): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const problem of problems) {
    const key = JSON.stringify([problem.field, problem.reason, problem.value]);
    let group = groups.get(key);
    if (!group) {
      group = { field: problem.field, reason: problem.reason, value: problem.value, places: [] };
      groups.set(key, group);
    }
    group.places.push(placeOf(problem, files.length > 1));
  }
  // Array.prototype.sort is stable: equal sizes keep the order of first appearance.
  return [...groups.values()].sort((a, b) => b.places.length - a.places.length);
}

function placeOf(problem: Problem, withFile: boolean): string {
  const record = problem.recordId ? ` (${problem.recordId})` : '';
  // The summary's heading lists the files in full; a place needs only the name.
  return `${withFile ? `${path.basename(problem.file)} ` : ''}${problem.location}${record}`;
}

/**
 * The first places and how many more: several CSV lines as "lines 2, 5, 9" (the row's id left to
 * the JSON report), per file when the import read several ("a.csv lines 2, 5; b.csv line 3"),
 * other places as they are.
 */
export function placesText(places: readonly string[]): string {
  const shown = places.slice(0, PLACES_SHOWN);
  const more = places.length > shown.length ? ` and ${places.length - shown.length} more` : '';
  const lines = shown.map((place) => /^(?:(.+) )?line (\d+)(?: \(.*\))?$/.exec(place));
  if (places.length === 1 || lines.some((line) => line === null))
    return `${shown.join(', ')}${more}`;
  const runs: { file: string | undefined; lines: string[] }[] = [];
  for (const [, file, line] of lines as RegExpExecArray[]) {
    const last = runs.at(-1);
    if (last && last.file === file) last.lines.push(line as string);
    else runs.push({ file, lines: [line as string] });
  }
  const text = runs.map(
    (run) =>
      `${run.file ? `${run.file} ` : ''}${run.lines.length > 1 ? 'lines' : 'line'} ${run.lines.join(', ')}`,
  );
  return `${text.join('; ')}${more}`;
}

/** One group as the summary prints it: `630 × sectors "ICT": unknown sector — lines 2, 5, 9 and 627 more`. */
export function groupText(group: ProblemGroup): string {
  const subject = [group.field, group.value === undefined ? undefined : `"${group.value}"`]
    .filter((part) => part !== undefined)
    .join(' ');
  return `${group.places.length} × ${subject ? `${subject}: ` : ''}${group.reason} — ${placesText(group.places)}`;
}

/** Per field: records rejected for a problem in it, and values dropped from it. */
export interface FieldCount {
  field: string;
  rejected: number;
  dropped: number;
}

/** The field of a problem with none: it is about the whole record or the whole file. */
const NO_FIELD = '(record)';

export function countByField(
  issues: readonly ImportIssue[],
  dropped: readonly DroppedValue[],
): FieldCount[] {
  const counts = new Map<string, { records: Set<string>; dropped: number }>();
  const countOf = (field: string) => {
    let count = counts.get(field);
    if (!count) {
      count = { records: new Set(), dropped: 0 };
      counts.set(field, count);
    }
    return count;
  };
  for (const issue of issues)
    countOf(issue.field ?? NO_FIELD).records.add(
      JSON.stringify([issue.file, issue.location, issue.recordId]),
    );
  for (const value of dropped) countOf(value.field).dropped += 1;
  return [...counts.entries()]
    .map(([field, count]) => ({ field, rejected: count.records.size, dropped: count.dropped }))
    .sort((a, b) => b.rejected + b.dropped - (a.rejected + a.dropped));
}
