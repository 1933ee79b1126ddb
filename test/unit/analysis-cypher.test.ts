import { describe, expect, it } from 'vitest';
import { suggestAttributions } from '../../src/analysis/attribution.js';
import { coTargeting } from '../../src/analysis/co-targeting.js';
import { countCrossBorderRows, crossBorderRows } from '../../src/analysis/cross-border.js';
import { matrixCells } from '../../src/analysis/matrix.js';
import { shortestPaths } from '../../src/analysis/paths.js';
import { stats } from '../../src/analysis/stats.js';
import { neighborhood, projection } from '../../src/analysis/subgraph.js';
import { timelinePoints } from '../../src/analysis/timeline.js';
import type { CypherQuery, Executor, QueryParams } from '../../src/db/database.js';
import type { IncidentConditions } from '../../src/repositories/incident-filter.js';

interface Sent {
  name: string;
  text: string;
  params: QueryParams;
}

/**
 * Stands in for the database: records each statement and answers it with no rows, or with the
 * one row a statement that always answers one (stats) needs.
 */
function recordingExecutor(rows: Record<string, unknown[]> = {}) {
  const sent: Sent[] = [];
  const read = <Row>(query: CypherQuery<Row>, params: QueryParams = {}): Promise<Row[]> => {
    sent.push({ name: query.name, text: query.text, params });
    return Promise.resolve((rows[query.name] ?? []) as Row[]);
  };
  const executor: Executor = {
    id: 'recording',
    get roundTrips() {
      return sent.length;
    },
    read,
    write: read,
    writeTransaction: () => Promise.reject(new Error('the analyses never write')),
  };
  return { executor, sent };
}

/** A filter that exercises the incident, claim and reported-victimology conditions at once. */
const filter: IncidentConditions = {
  from: '2021-03-04',
  actorIds: ['actor-x'],
  sectorIds: ['sector-x', 'sector-y'],
  countryCodes: ['ZZ'],
  minConfidence: 57,
};
const filterValues = ['2021-03-04', 'actor-x', 'sector-x', 'sector-y', 'ZZ', '57'];

/** Each statement's text and parameters are snapshotted; no filter value ever enters the text. */
function expectStatements(sent: Sent[]): void {
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
    const { executor, sent } = recordingExecutor({ 'analysis:stats': [row] });
    await stats(executor, filter, 'BOTH');
    expectStatements(sent);
  });

  it('crossBorder: a later page, its count, and the actors of unknown origin', async () => {
    const { executor, sent } = recordingExecutor();
    const order = { field: 'INCIDENT_COUNT', direction: 'DESC' } as const;
    await crossBorderRows(executor, filter, 'BOTH', order, { first: 5, after: [3, 'k'] }, true);
    await countCrossBorderRows(executor, filter, 'BOTH');
    await crossBorderRows(executor, filter, 'INCIDENTS', order, { first: 5, after: null }, false);
    const byDate = { field: 'LAST_DATE', direction: 'ASC' } as const;
    await crossBorderRows(executor, {}, 'INCIDENTS', byDate, { first: 2, after: ['', 'k'] }, true);
    expectStatements(sent);
  });

  it('actorSectorMatrix', async () => {
    const { executor, sent } = recordingExecutor();
    await matrixCells(executor, filter, 'BOTH');
    expectStatements(sent);
  });

  it('timeline, grouped by actor and by sector', async () => {
    const { executor, sent } = recordingExecutor();
    await timelinePoints(executor, filter, 'MONTH', 'ACTOR');
    await timelinePoints(executor, filter, 'WEEK', 'SECTOR');
    expectStatements(sent);
  });

  it('coTargeting', async () => {
    const { executor, sent } = recordingExecutor();
    await coTargeting(executor, 'actor-me', filter, 'BOTH', 'BOTH', 7);
    expectStatements(sent);
  });

  it('projection, on both bases', async () => {
    const { executor, sent } = recordingExecutor();
    await projection(executor, filter, 'BOTH', 2);
    expectStatements(sent);
  });

  it('neighborhood, filtered', async () => {
    const { executor, sent } = recordingExecutor();
    await neighborhood(executor, [{ type: 'Actor', key: 'actor-me' }], 2, 50, filter);
    expectStatements(sent);
  });

  it('paths', async () => {
    const { executor, sent } = recordingExecutor();
    await shortestPaths(
      executor,
      { type: 'Actor', key: 'actor-me' },
      { type: 'Country', key: 'YY' },
      4,
      3,
    );
    expectStatements(sent);
  });

  it('suggestAttributions', async () => {
    const { executor, sent } = recordingExecutor();
    await suggestAttributions(executor, 'incident-me', 5);
    expectStatements(sent);
  });
});
