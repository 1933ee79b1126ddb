import { describe, expect, it } from 'vitest';
import { suggestAttributions } from '../../src/analysis/attribution.js';
import { coTargeting } from '../../src/analysis/co-targeting.js';
import { crossBorderList, crossBorderRows } from '../../src/analysis/cross-border.js';
import { foldedMatrix } from '../../src/analysis/matrix.js';
import { shortestPaths } from '../../src/analysis/paths.js';
import { stats } from '../../src/analysis/stats.js';
import { neighborhood, projection } from '../../src/analysis/subgraph.js';
import { timelinePoints } from '../../src/analysis/timeline.js';
import type { IncidentConditions } from '../../src/repositories/incident-filter.js';
import { RecordingExecutor, type Statement } from '../support/recording-executor.js';

/** Stands in for the database: no rows, or the one row a statement that always answers one needs. */
const recordingExecutor = (rows: Record<string, unknown[]> = {}): RecordingExecutor =>
  RecordingExecutor.answering('recording', (statement) => rows[statement.name] ?? []);

/** A filter that exercises the incident, claim and reported-victimology conditions at once. */
const filter: IncidentConditions = {
  from: '2021-03-04',
  actorIds: ['actor-x'],
  sectorIds: ['sector-x', 'sector-y'],
  countryCodes: ['ZZ'],
  minConfidence: 57,
};
const filterValues = ['2021-03-04', 'actor-x', 'sector-x', 'sector-y', 'ZZ', '57'];

const withProperties = { nodeProperties: true, edgeProperties: true };
const withoutProperties = { nodeProperties: false, edgeProperties: false };

/** Each statement's text and parameters are snapshotted; no filter value ever enters the text. */
function expectStatements(sent: readonly Statement[]): void {
  for (const statement of sent) {
    for (const value of filterValues) expect(statement.text).not.toContain(value);
    expect(statement).toMatchSnapshot(statement.name);
  }
}

describe('the analyses, as the Cypher they send', () => {
  it('stats', async () => {
    const row = {
      incidents: 0,
      actors: 0,
      sectors: 0,
      countriesAffected: 0,
      attributedIncidents: 0,
      unattributedIncidents: 0,
    };
    const executor = recordingExecutor({ 'analysis:stats': [row] });
    await stats(executor, filter, 'BOTH');
    expectStatements(executor.sent);
  });

  it('crossBorder: a later page with its count, the count alone, the actors of unknown origin, a page with `reported`', async () => {
    const executor = recordingExecutor();
    const order = { field: 'INCIDENT_COUNT', direction: 'DESC' } as const;
    const later = { first: 5, after: [3, 'k'] };
    const both = { parts: { rows: true, count: true }, reported: true };
    await crossBorderList(executor, filter, 'BOTH', order, later, both);
    const countOnly = { parts: { rows: false, count: true }, reported: false };
    await (await crossBorderList(executor, filter, 'BOTH', order, later, countOnly)).count();
    const first = { first: 5, after: null };
    await crossBorderRows(executor, filter, 'INCIDENTS', order, first, false, false);
    const byDate = { field: 'LAST_DATE', direction: 'ASC' } as const;
    await crossBorderRows(
      executor,
      {},
      'INCIDENTS',
      byDate,
      { first: 2, after: ['', 'k'] },
      true,
      true,
    );
    expectStatements(executor.sent);
  });

  it('actorSectorMatrix, with and without the shares and reported cells', async () => {
    const executor = recordingExecutor();
    const all = { crossBorderShares: true, reported: true };
    await foldedMatrix(executor, filter, 'BOTH', 5, 3, all);
    await foldedMatrix(executor, {}, 'INCIDENTS', 10, 10, {
      crossBorderShares: false,
      reported: false,
    });
    expect(executor.sent).toHaveLength(2);
    expectStatements(executor.sent);
  });

  it('timeline, grouped by actor and by sector', async () => {
    const executor = recordingExecutor();
    await timelinePoints(executor, filter, 'MONTH', 'ACTOR');
    await timelinePoints(executor, filter, 'WEEK', 'SECTOR');
    expectStatements(executor.sent);
  });

  it('coTargeting', async () => {
    const executor = recordingExecutor();
    await coTargeting(executor, 'actor-me', filter, 'BOTH', 'BOTH', 7);
    expectStatements(executor.sent);
  });

  it('projection, on both bases', async () => {
    const executor = recordingExecutor();
    await projection(executor, filter, 'BOTH', 2, withProperties);
    expectStatements(executor.sent);
  });

  it('neighborhood, filtered', async () => {
    const executor = recordingExecutor();
    await neighborhood(
      executor,
      [{ type: 'Actor', key: 'actor-me' }],
      2,
      50,
      filter,
      withProperties,
    );
    expectStatements(executor.sent);
  });

  it('neighborhood from starts of two labels, without properties', async () => {
    const executor = recordingExecutor();
    const starts = [
      { type: 'Country', key: 'YY' },
      { type: 'Actor', key: 'actor-me' },
      { type: 'Actor', key: 'actor-other' },
    ] as const;
    await neighborhood(executor, [...starts], 1, 50, {}, withoutProperties);
    expect(executor.sent).toHaveLength(1);
    expectStatements(executor.sent);
  });

  it('paths', async () => {
    const executor = recordingExecutor();
    await shortestPaths(
      executor,
      { type: 'Actor', key: 'actor-me' },
      { type: 'Country', key: 'YY' },
      4,
      3,
      withProperties,
    );
    expectStatements(executor.sent);
  });

  it('suggestAttributions', async () => {
    const executor = recordingExecutor();
    await suggestAttributions(executor, 'incident-me', 5);
    expectStatements(executor.sent);
  });
});
