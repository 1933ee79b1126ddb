import { formatIssue, recordKinds } from './records.js';
import type { ImportReport } from './run-import.js';
import type { WrittenKind } from './writer.js';

const pad = (value: string | number, width: number): string => String(value).padStart(width);

/** The end-of-import summary a person reads: per kind, what was read, written, and refused. */
export function importReportText(report: ImportReport, options: { maxIssues: number }): string {
  const lines: string[] = [];
  lines.push(
    `${'kind'.padEnd(14)}${pad('read', 8)}${pad('created', 9)}${pad('updated', 9)}${pad('unchanged', 11)}${pad('rejected', 10)}`,
  );
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
  const skipped = Object.entries(report.skipped);
  if (skipped.length > 0)
    lines.push(`skipped: ${skipped.map(([reason, n]) => `${n} ${reason}`).join(', ')}`);
  for (const note of report.notes.slice(0, options.maxIssues)) lines.push(`note: ${note}`);
  if (report.notes.length > options.maxIssues)
    lines.push(`note: … and ${report.notes.length - options.maxIssues} more`);
  if (report.issues.length > 0) {
    lines.push(`${report.issues.length} problem${report.issues.length === 1 ? '' : 's'}:`);
    for (const issue of report.issues.slice(0, options.maxIssues))
      lines.push(`  ${formatIssue(issue)}`);
    if (report.issues.length > options.maxIssues)
      lines.push(`  … and ${report.issues.length - options.maxIssues} more (--max-issues)`);
  }
  if (!report.wrote) lines.push('nothing was written');
  return lines.join('\n');
}
