import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher, type Database } from '../../src/db/database.js';
import { projectRoot } from '../../src/paths.js';
import { runCli } from '../support/cli.js';
import { openEmptyDatabase } from '../support/database.js';
import { graphSnapshot } from '../support/graph-snapshot.js';
import { importFile } from '../support/import.js';

const fixtures = path.join(projectRoot, 'test/fixtures');
const folder = path.join(fixtures, 'eurepoc');
const incidentsFile = path.join(folder, 'global_dataset.csv');
const companions = [path.join(folder, 'attributions.csv'), path.join(folder, 'receivers.csv')];
const attackMobile = path.join(fixtures, 'mitre-attack', 'mobile-attack-17.1-excerpt.json');
/** The fixture's incidents, and its attribution rows that name an initiator of a kept incident. */
const INCIDENTS = 25;
const CLAIM_ROWS = 34;

let database: Database;
beforeAll(async () => {
  database = await openEmptyDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.executor().write(cypher<never>('test:wipe', 'MATCH (n) DETACH DELETE n'));
});

const read = <T>(query: string) => database.executor().read(cypher<T>('test:eurepoc', query));

describe('importing the EuRepoC release with its companion files', () => {
  it('loads at least 95% of its incidents, with one claim per attribution row', async () => {
    const report = await importFile(database, incidentsFile, { format: 'eurepoc', companions });
    expect(report.written.incidents?.created).toBeGreaterThanOrEqual(Math.ceil(INCIDENTS * 0.95));
    expect(report.rejected.incidents).toBe(1);
    const [claims] = await read<{ keyed: number; keys: number; unkeyed: number }>(
      `MATCH (:Incident)-[r:ATTRIBUTED_TO]->(:Actor)
       RETURN count(r.key) AS keyed, count(DISTINCT r.key) AS keys, count(*) - count(r.key) AS unkeyed`,
    );
    // One row names two initiators: one claim for each; three incidents have no row but an initiator.
    expect(claims).toEqual({ keyed: CLAIM_ROWS + 1, keys: CLAIM_ROWS, unkeyed: 3 });
  });

  it('keeps regions on the incident and never stores "Not available"', async () => {
    await importFile(database, incidentsFile, { format: 'eurepoc', companions });
    const rows = await read<{ id: string; regions: string[]; countries: string[] }>(
      `MATCH (i:Incident) WHERE i.id IN ['eurepoc-1002', 'eurepoc-1003']
       RETURN i.id AS id, i.regions AS regions, [(i)-[:AFFECTED]->(c) | c.iso2] AS countries ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 'eurepoc-1002', regions: ['Europe'], countries: [] },
      { id: 'eurepoc-1003', regions: ['Global'], countries: ['UA'] },
    ]);
    expect(JSON.stringify(await graphSnapshot(database))).not.toMatch(/not available/i);
  });

  it('merges initiators with the same actor from ATT&CK by its id, adding aliases', async () => {
    await importFile(database, attackMobile);
    const report = await importFile(database, incidentsFile, { format: 'eurepoc', companions });
    expect(report.notes).toContain(
      'actor "Sandworm" (sandworm) is the known actor "sandworm-team"; merged into it',
    );
    const actors = await read<{
      id: string;
      aliases: string[];
      externalIds: string[];
      claims: number;
    }>(
      `MATCH (a:Actor) WHERE 'G0034' IN a.externalIds
       RETURN a.id AS id, a.aliases AS aliases, a.externalIds AS externalIds,
              COUNT { (:Incident)-[:ATTRIBUTED_TO]->(a) } AS claims`,
    );
    expect(actors).toHaveLength(1);
    // The fixture's nine attribution rows naming Sandworm, all on the ATT&CK node.
    expect(actors[0]).toMatchObject({ id: 'sandworm-team', claims: 9 });
    // ATT&CK's spelling stays: an alias that differs only in case is not added again.
    expect(actors[0]?.aliases.map((alias) => alias.toLowerCase())).toEqual(
      expect.arrayContaining(['voodoo bear', 'electrum']),
    );
  });

  it('is idempotent', async () => {
    await importFile(database, incidentsFile, { format: 'eurepoc', companions });
    const first = await graphSnapshot(database);
    const again = await importFile(database, incidentsFile, { format: 'eurepoc', companions });
    expect(again.written.incidents).toEqual({ created: 0, updated: 0, unchanged: 24 });
    expect(await graphSnapshot(database)).toEqual(first);
  });
});

describe('cig import of the EuRepoC release', () => {
  it('reads the companions given with --with, the format told by the header', async () => {
    const result = await runCli([
      'import',
      incidentsFile,
      ...companions.flatMap((c) => ['--with', c]),
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^Imported .*global_dataset\.csv \(eurepoc\)/m);
    expect(result.stdout).toMatch(/^incidents\s+24\s+24\s+0\s+0\s+1$/m);
    expect(result.stdout).toContain(
      '1 × start_date: EuRepoC gives no start date; an incident needs one — global_dataset.csv line 8 (1007)',
    );
  });

  it('reads a folder holding the three files, whatever their names', async () => {
    const copy = await mkdtemp(path.join(tmpdir(), 'cig-eurepoc-'));
    await cp(incidentsFile, path.join(copy, 'a.csv'));
    await cp(companions[0] ?? '', path.join(copy, 'b.csv'));
    await cp(companions[1] ?? '', path.join(copy, 'c.csv'));
    const result = await runCli(['import', copy]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/\(eurepoc\)/);
    expect(result.stdout).toMatch(/^incidents\s+24\s+24\s+0\s+0\s+1$/m);
    const [claims] = await read<{ n: number }>(
      'MATCH (:Incident)-[r:ATTRIBUTED_TO]->() RETURN count(r) AS n',
    );
    expect(claims?.n).toBe(CLAIM_ROWS + 1 + 3);
  });

  it('names the lines of a companion file that hold replacement characters', async () => {
    const copy = await mkdtemp(path.join(tmpdir(), 'cig-eurepoc-'));
    const mangled = path.join(copy, 'attributions.csv');
    const text = await readFile(companions[0] ?? '', 'utf8');
    await writeFile(
      mangled,
      text.replace('Security Service of Ukraine', 'Security Servi\uFFFDe of Ukraine'),
    );
    const result = await runCli(['import', incidentsFile, '--with', mangled, '--dry-run']);
    expect(result.stdout).toContain(`note: ${mangled}: 1 line holds U+FFFD`);
    expect(result.stdout).toContain('(line 2); stored as found');
  });

  it('refuses a folder for another format, and a folder without the incident file', async () => {
    const wrong = await runCli(['import', folder, '--format', 'stix']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/is a folder: only --format eurepoc reads a folder/);
    const copy = await mkdtemp(path.join(tmpdir(), 'cig-eurepoc-'));
    await cp(companions[0] ?? '', path.join(copy, 'attributions.csv'));
    const missing = await runCli(['import', copy]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/none of these files is the EuRepoC incident file/);
  });
});
