import { describe, expect, it } from 'vitest';
import { createLoaders } from '../../src/loaders/index.js';
import type { BatchParent } from '../../src/repositories/per-parent.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { RecordingExecutor, type Statement as Sent } from '../support/recording-executor.js';

const taxonomy = loadTaxonomy();
const newestFirst = { field: 'START_DATE', direction: 'DESC' } as const;
const firstPage = { first: 5, after: null };

/** The page alone, its rows with their titles; the count alone; both. */
const pageOnly = { columns: ['title'], parts: { rows: true, count: false } } as const;
const countOnly = { columns: ['title'], parts: { rows: false, count: true } } as const;
const pageAndCount = { columns: ['title'], parts: { rows: true, count: true } } as const;

const parentsOf = (sent: Sent) => sent.params.parents as BatchParent[];

/** Answers every batched list with one row per parent naming it, and counts of 3 per parent. */
const perParentAnswer = (sent: Sent) =>
  parentsOf(sent).map((p) => ({
    parentId: p.id,
    ...(sent.name.startsWith('count') ? {} : { rows: [{ id: `of ${p.id ?? 'root'}` }] }),
    ...(sent.name.startsWith('list') && !sent.name.startsWith('listAndCount') ? {} : { count: 3 }),
  }));

function setUp() {
  const executor = RecordingExecutor.answering('test', (sent) =>
    sent.params.parents ? perParentAnswer(sent) : [],
  );
  return { executor, loaders: createLoaders(executor, taxonomy) };
}

describe('loader batching, without a database', () => {
  it('lists the incidents of many parents in one statement, each parent its own rows', async () => {
    const { executor, loaders } = setUp();
    const pages = await Promise.all(
      ['apt28', 'sandworm', 'lazarus'].map((actor) =>
        loaders.incidents('actor', actor, {}, newestFirst, firstPage, pageOnly),
      ),
    );
    expect(executor.names).toEqual(['listIncidents:actor']);
    expect(parentsOf(executor.sent[0] as Sent)).toEqual([
      { id: 'apt28' },
      { id: 'sandworm' },
      { id: 'lazarus' },
    ]);
    expect(pages.map((page) => page.rows)).toEqual([
      [{ id: 'of apt28' }],
      [{ id: 'of sandworm' }],
      [{ id: 'of lazarus' }],
    ]);
  });

  it('batches lists apart when their filter, order, page or columns differ', async () => {
    const { executor, loaders } = setUp();
    await Promise.all([
      loaders.incidents('actor', 'apt28', {}, newestFirst, firstPage, pageOnly),
      loaders.incidents(
        'actor',
        'sandworm',
        { from: '2022-01-01' },
        newestFirst,
        firstPage,
        pageOnly,
      ),
      loaders.incidents(
        'actor',
        'lazarus',
        {},
        { field: 'TITLE', direction: 'ASC' },
        firstPage,
        pageOnly,
      ),
      loaders.incidents(
        'actor',
        'turla',
        {},
        newestFirst,
        { first: 5, after: ['2022-01-01', 'x'] },
        pageOnly,
      ),
      loaders.incidents('actor', 'conti', {}, newestFirst, firstPage, {
        ...pageOnly,
        columns: ['title', 'description'],
      }),
    ]);
    expect(executor.names).toEqual(Array(5).fill('listIncidents:actor'));
  });

  it('counts a page asked for alone only when called, one statement for the parents of one filter whatever their page', async () => {
    const { executor, loaders } = setUp();
    const pages = await Promise.all([
      loaders.incidents('country', 'UA', {}, newestFirst, firstPage, pageOnly),
      loaders.incidents(
        'country',
        'PL',
        {},
        newestFirst,
        { first: 5, after: ['2022-01-01', 'x'] },
        pageOnly,
      ),
    ]);
    expect(executor.names).toEqual(['listIncidents:country', 'listIncidents:country']);
    expect(await Promise.all(pages.map((page) => page.count()))).toEqual([3, 3]);
    expect(executor.names.slice(2)).toEqual(['countIncidents:country']);
    expect(parentsOf(executor.sent[2] as Sent)).toEqual([{ id: 'UA' }, { id: 'PL' }]);
  });

  it('sends a root list as one parent of no key, and routes its rows back', async () => {
    const { executor, loaders } = setUp();
    const page = await loaders.incidents(null, null, {}, newestFirst, firstPage, pageOnly);
    expect(executor.names).toEqual(['listIncidents']);
    expect(parentsOf(executor.sent[0] as Sent)).toEqual([{ id: null }]);
    expect(page.rows).toEqual([{ id: 'of root' }]);
    expect(await page.count()).toBe(3);
  });

  it('lists and counts in one statement per batch when both are asked for', async () => {
    const { executor, loaders } = setUp();
    const pages = await Promise.all(
      ['UA', 'PL'].map((country) =>
        loaders.incidents('country', country, {}, newestFirst, firstPage, pageAndCount),
      ),
    );
    expect(executor.names).toEqual(['listAndCountIncidents:country']);
    expect(parentsOf(executor.sent[0] as Sent)).toEqual([{ id: 'UA' }, { id: 'PL' }]);
    expect(pages.map((page) => page.rows)).toEqual([[{ id: 'of UA' }], [{ id: 'of PL' }]]);
    expect(await Promise.all(pages.map((page) => page.count()))).toEqual([3, 3]);
    expect(executor.names).toHaveLength(1);
  });

  it('sends only the count when only the count is asked for', async () => {
    const { executor, loaders } = setUp();
    const page = await loaders.incidents('country', 'UA', {}, newestFirst, firstPage, countOnly);
    expect(executor.names).toEqual([]);
    expect(page.rows).toEqual([]);
    expect(await page.count()).toBe(3);
    expect(executor.names).toEqual(['countIncidents:country']);
  });

  it("gives a sector's parent its sub-sectors", async () => {
    const { executor, loaders } = setUp();
    await loaders.counts('actor', 'sector', 'defence', {}, firstPage, pageOnly.parts);
    expect(parentsOf(executor.sent[0] as Sent)).toEqual([
      {
        id: 'defence',
        sectorIds: ['defence', 'military', 'defence-industry', 'intelligence-services'],
      },
    ]);
  });

  it('batches count connections per group', async () => {
    const { executor, loaders } = setUp();
    await Promise.all([
      loaders.counts('sector', 'actor', 'apt28', {}, firstPage, pageOnly.parts),
      loaders.counts('sector', 'actor', 'sandworm', {}, firstPage, pageOnly.parts),
      loaders.counts('country', 'actor', 'apt28', {}, firstPage, pageOnly.parts),
    ]);
    expect(executor.names.sort()).toEqual(['count:country:actor', 'count:sector:actor']);
  });

  it('lists the actors of many countries in one statement', async () => {
    const { executor, loaders } = setUp();
    const byName = { field: 'NAME', direction: 'ASC' } as const;
    await Promise.all(
      ['RU', 'KP'].map((country) =>
        loaders.actors('origin', country, {}, byName, firstPage, {
          ...pageOnly,
          columns: ['name'],
        }),
      ),
    );
    expect(executor.names).toEqual(['listActors:origin']);
    expect(parentsOf(executor.sent[0] as Sent)).toEqual([{ id: 'RU' }, { id: 'KP' }]);
  });

  it('finds the nodes of one type in one statement, a missing one as null', async () => {
    const executor = RecordingExecutor.answering('test', (sent) =>
      (sent.params.keys as string[])
        .filter((key) => key !== 'nobody')
        .map((key) => ({ key, row: { id: key, name: key } })),
    );
    const loaders = createLoaders(executor, taxonomy);
    const found = await Promise.all(
      ['apt28', 'nobody', 'sandworm'].map((key) => loaders.node('Actor').load(key)),
    );
    expect(loaders.node('Actor').name).toBe('node:Actor');
    expect(executor.names).toEqual(['findActors']);
    expect(executor.sent[0]?.params).toEqual({ keys: ['apt28', 'nobody', 'sandworm'] });
    expect(found).toEqual([
      { id: 'apt28', name: 'apt28' },
      null,
      { id: 'sandworm', name: 'sandworm' },
    ]);
  });

  it('loads a relationship of many parents in one statement named as its query', async () => {
    const executor = RecordingExecutor.answering('test', () => [
      { parentId: 'i1', rows: [{ id: 'energy' }] },
    ]);
    const loaders = createLoaders(executor, taxonomy);
    const sectors = await Promise.all(['i1', 'i2'].map((id) => loaders.incidentSectors.load(id)));
    expect(loaders.incidentSectors.name).toBe('incidentSectors');
    expect(executor.sent).toMatchObject([
      { name: 'incidentSectors', params: { ids: ['i1', 'i2'] } },
    ]);
    expect(sectors).toEqual([[{ id: 'energy' }], []]);
  });
});
