import { describe, expect, it } from 'vitest';
import {
  countByField,
  groupProblems,
  groupText,
  placesText,
} from '../../src/import/problem-groups.js';
import type { DroppedValue, ImportIssue } from '../../src/import/records.js';
import { importReportText } from '../../src/import/report-text.js';
import type { ImportReport } from '../../src/import/run-import.js';

const FILE = 'tracker.csv';
const noKinds = { sources: 0, actors: 0, campaigns: 0, organizations: 0, incidents: 0 };

const sectorIssue = (line: number, value: string): ImportIssue => ({
  file: FILE,
  kind: 'incidents',
  location: `line ${line}`,
  field: 'Sector',
  reason: 'unknown sector in the native vocabulary',
  value,
});
const droppedSector = (line: number, value: string): DroppedValue => ({
  file: FILE,
  location: `line ${line}`,
  field: 'Sector',
  reason: 'mapped to nothing',
  value,
});

function reportOf(parts: Partial<ImportReport>): ImportReport {
  return {
    files: [FILE],
    read: { ...noKinds, incidents: 20 },
    written: { incidents: { created: 12, updated: 0, unchanged: 0 } },
    rejected: { ...noKinds, incidents: 8 },
    skipped: {},
    issues: [],
    notes: [],
    dropped: [],
    wrote: true,
    readable: true,
    ...parts,
  };
}

describe('groupProblems', () => {
  it('groups by field, reason and value, biggest first, ties in order of first appearance', () => {
    const groups = groupProblems(
      [
        sectorIssue(2, 'ICT'),
        sectorIssue(3, 'Public administration'),
        sectorIssue(4, 'Unknown'),
        sectorIssue(5, 'Public administration'),
        { ...sectorIssue(6, 'ICT'), reason: 'another reason' },
        sectorIssue(7, 'Public administration'),
        sectorIssue(8, 'ICT'),
      ],
      [FILE],
    );
    expect(groups.map((g) => [g.value, g.reason, g.places])).toEqual([
      [
        'Public administration',
        'unknown sector in the native vocabulary',
        ['line 3', 'line 5', 'line 7'],
      ],
      ['ICT', 'unknown sector in the native vocabulary', ['line 2', 'line 8']],
      ['Unknown', 'unknown sector in the native vocabulary', ['line 4']],
      ['ICT', 'another reason', ['line 6']],
    ]);
  });

  it('groups problems without a value by field and reason, naming the record and, for several files, the file', () => {
    const issue = (index: number, file: string): ImportIssue => ({
      file,
      kind: 'incidents',
      location: `incidents[${index}]`,
      recordId: `x-${index}`,
      field: 'startDate',
      reason: 'expected YYYY, YYYY-MM or YYYY-MM-DD',
    });
    const groups = groupProblems([issue(0, 'a.json'), issue(3, 'b.json')], ['a.json', 'b.json']);
    expect(groups.map(groupText)).toEqual([
      '2 × startDate: expected YYYY, YYYY-MM or YYYY-MM-DD — a.json incidents[0] (x-0), b.json incidents[3] (x-3)',
    ]);
  });
});

describe('placesText', () => {
  it('names CSV lines compactly, the first five, and counts the rest', () => {
    expect(placesText(['line 2'])).toBe('line 2');
    const lines = Array.from({ length: 630 }, (_, i) => `line ${i + 2}`);
    expect(placesText(lines)).toBe('lines 2, 3, 4, 5, 6 and 625 more');
    expect(placesText(['objects[3]', 'objects[9]'])).toBe('objects[3], objects[9]');
    expect(placesText(['line 2 (Row 0)', 'line 3 (Row 1)'])).toBe('lines 2, 3');
    expect(placesText(['line 2 (Row 0)'])).toBe('line 2 (Row 0)');
  });

  it('names the file once per run of lines when the import read several', () => {
    expect(
      placesText(['a.csv line 16', 'a.csv line 18 (1007)', 'b.csv line 10', 'a.csv line 20']),
    ).toBe('a.csv lines 16, 18; b.csv line 10; a.csv line 20');
    expect(placesText(['a.csv line 2', 'a.csv objects[1]'])).toBe('a.csv line 2, a.csv objects[1]');
  });
});

describe('countByField', () => {
  it('counts records rejected (once each) and values dropped, per field', () => {
    const twice = { ...sectorIssue(2, 'ICT'), reason: 'other' };
    expect(
      countByField(
        [
          sectorIssue(2, 'ICT'),
          twice,
          sectorIssue(3, 'ICT'),
          { file: FILE, location: 'file', reason: 'x' },
        ],
        [droppedSector(4, 'Unknown'), { ...droppedSector(5, 'n/a'), field: 'Country' }],
      ),
    ).toEqual([
      { field: 'Sector', rejected: 2, dropped: 1 },
      { field: '(record)', rejected: 1, dropped: 0 },
      { field: 'Country', rejected: 0, dropped: 1 },
    ]);
  });
});

describe('importReportText', () => {
  it('shows the kinds, the counts per field, and each group of problems and dropped values', () => {
    const issues = [
      ...[2, 5, 9, 14, 20, 21].map((line) => sectorIssue(line, 'Public administration')),
      sectorIssue(3, 'ICT'),
      sectorIssue(4, 'ICT'),
    ];
    const dropped = [droppedSector(6, 'Unknown'), droppedSector(7, 'Unknown')];
    const notes = ['actor "APT 28" merged into "APT28"', 'actor "APT 28" merged into "APT28"'];
    expect(importReportText(reportOf({ issues, dropped, notes }), { maxIssues: 50 })).toBe(
      [
        'kind              read  created  updated  unchanged  rejected',
        'incidents           20       12        0          0         8',
        'note: actor "APT 28" merged into "APT28" (× 2)',
        'field           rejected  dropped',
        'Sector                 8        2',
        '8 problems (8 records rejected):',
        '  6 × Sector "Public administration": unknown sector in the native vocabulary — lines 2, 5, 9, 14, 20 and 1 more',
        '  2 × Sector "ICT": unknown sector in the native vocabulary — lines 3, 4',
        '2 values dropped (records kept without them):',
        '  2 × Sector "Unknown": mapped to nothing — lines 6, 7',
      ].join('\n'),
    );
  });

  it('lists at most --max-issues groups and says how many problems the rest hold', () => {
    const issues = ['A', 'B', 'B', 'C', 'C', 'C'].map((value, i) => sectorIssue(i + 2, value));
    const text = importReportText(reportOf({ issues, wrote: false }), { maxIssues: 1 });
    expect(text).toContain('  3 × Sector "C"');
    expect(text).not.toContain('Sector "B"');
    expect(text).toContain(
      '  … and 2 more groups (3 problems): --max-issues shows more, --report <file> lists all',
    );
    expect(text.endsWith('nothing was written')).toBe(true);
  });

  it('leaves out the field table when there is one group at most', () => {
    const text = importReportText(reportOf({ issues: [sectorIssue(2, 'ICT')] }), {
      maxIssues: 50,
    });
    expect(text).not.toContain('field ');
    expect(text).toContain('1 problem (8 records rejected):');
  });
});
