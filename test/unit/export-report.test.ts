import { describe, expect, it } from 'vitest';
import {
  ExportReport,
  LISTED_PROBLEMS,
  onlyParts,
  type ExportProblem,
} from '../../src/export/export-report.js';

const problem = (n: number, part: ExportProblem['part'] = 'sources'): ExportProblem => ({
  kind: 'incident',
  key: `i${n}`,
  part,
  message: `incident "i${n}": cites source "s", which does not exist or has no URL — citation left out`,
});

describe('the export report', () => {
  it('says nothing when nothing was left out', () => {
    const report = new ExportReport({ warn: () => undefined });
    expect(report.count).toBe(0);
    expect(report.summary).toBe('');
  });

  it('logs and lists the first problems, counts them all, and says the list stops', () => {
    const warnings: string[] = [];
    const report = new ExportReport({ warn: (_fields, message) => warnings.push(message) });
    for (let n = 0; n < LISTED_PROBLEMS + 5; n += 1) report.add(problem(n));
    expect(report.count).toBe(LISTED_PROBLEMS + 5);
    expect(report.listed).toHaveLength(LISTED_PROBLEMS);
    expect(warnings).toHaveLength(LISTED_PROBLEMS);
    report.finish();
    expect(warnings.at(-1)).toBe(
      `export: ${LISTED_PROBLEMS + 5} inconsistent items in the graph left out (the first ${LISTED_PROBLEMS} listed)`,
    );
    expect(report.summary.split('\n')[1]).toBe(problem(0).message);
  });

  it('passes a table only the problems of what it writes, and every item left out', () => {
    const passed: string[] = [];
    const sink = onlyParts((p) => passed.push(p.part), ['claims']);
    sink(problem(1, 'sources'));
    sink(problem(2, 'claims'));
    sink(problem(3, 'item'));
    expect(passed).toEqual(['claims', 'item']);
  });
});
