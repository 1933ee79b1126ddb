import { countByField, groupProblems, groupText, type ProblemGroup } from './problem-groups.js';
import { recordKinds } from './records.js';
import type { ImportReport } from './run-import.js';
import type { WrittenKind } from './writer.js';

const pad = (value: string | number, width: number): string => String(value).padStart(width);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The end-of-import summary a person reads: per kind, what was read, written, and refused; then
 * the problems grouped by field, reason and value, biggest first, `maxIssues` groups at most.
 */
export function importReportText(report: ImportReport, options: { maxIssues: number }): string {
  const lines = kindTable(report);
  const skipped = Object.entries(report.skipped);
  if (skipped.length > 0)
    lines.push(`skipped: ${skipped.map(([reason, n]) => `${n} ${reason}`).join(', ')}`);
  lines.push(...notesText(report.notes, options.maxIssues));
  const rejected = groupProblems(report.issues, report.files);
  const dropped = groupProblems(report.dropped, report.files);
  if (rejected.length + dropped.length > 1) lines.push(...fieldTable(report));
  if (rejected.length > 0) {
    const records = recordKinds.reduce((sum, kind) => sum + report.rejected[kind], 0);
    lines.push(
      `${plural(report.issues.length, 'problem')} (${plural(records, 'record')} rejected):`,
    );
    lines.push(...groupsText(rejected, options.maxIssues, 'problem'));
  }
  if (dropped.length > 0) {
    lines.push(`${plural(report.dropped.length, 'value')} dropped (records kept without them):`);
    lines.push(...groupsText(dropped, options.maxIssues, 'value'));
  }
  if (!report.wrote) lines.push('nothing was written');
  return lines.join('\n');
}

function kindTable(report: ImportReport): string[] {
  const lines = [
    `${'kind'.padEnd(14)}${pad('read', 8)}${pad('created', 9)}${pad('updated', 9)}${pad('unchanged', 11)}${pad('rejected', 10)}`,
  ];
  const kinds: WrittenKind[] = ['sectors', 'countries', ...recordKinds];
  for (const kind of kinds) {
    const written = report.written[kind];
    const read = kind === 'sectors' || kind === 'countries' ? '' : report.read[kind];
    const rejected = kind === 'sectors' || kind === 'countries' ? '' : report.rejected[kind];
    if (!written && !read && !rejected) continue;
    lines.push(
      `${kind.padEnd(14)}${pad(read, 8)}${pad(written?.created ?? '-', 9)}${pad(written?.updated ?? '-', 9)}${pad(written?.unchanged ?? '-', 11)}${pad(rejected, 10)}`,
    );
  }
  return lines;
}

/** Notes, each said once with how often it came. */
function notesText(notes: readonly string[], maxNotes: number): string[] {
  const counts = new Map<string, number>();
  for (const note of notes) counts.set(note, (counts.get(note) ?? 0) + 1);
  const distinct = [...counts];
  const lines = distinct
    .slice(0, maxNotes)
    .map(([note, n]) => `note: ${note}${n > 1 ? ` (× ${n})` : ''}`);
  if (distinct.length > maxNotes) lines.push(`note: … and ${distinct.length - maxNotes} more`);
  return lines;
}

/** Per field, the records rejected for it and the values dropped from it. */
function fieldTable(report: ImportReport): string[] {
  const counts = countByField(report.issues, report.dropped);
  const width = Math.max(14, ...counts.map((count) => count.field.length + 2));
  return [
    `${'field'.padEnd(width)}${pad('rejected', 10)}${pad('dropped', 9)}`,
    ...counts.map(
      (count) =>
        `${count.field.padEnd(width)}${pad(count.rejected || '-', 10)}${pad(count.dropped || '-', 9)}`,
    ),
  ];
}

function groupsText(groups: readonly ProblemGroup[], maxGroups: number, unit: string): string[] {
  const lines = groups.slice(0, maxGroups).map((group) => `  ${groupText(group)}`);
  const rest = groups.slice(maxGroups);
  if (rest.length > 0) {
    const count = rest.reduce((sum, group) => sum + group.places.length, 0);
    lines.push(
      `  … and ${plural(rest.length, 'more group')} (${plural(count, unit)}): --max-issues shows more, --report <file> lists all`,
    );
  }
  return lines;
}
