import { describe, expect, it } from 'vitest';
import {
  EMPTY,
  fragment,
  join,
  param,
  render,
  statement,
  trusted,
  variable,
  where,
} from '../../src/db/cypher.js';
import { keysetPage } from '../../src/repositories/keyset.js';

describe('Cypher fragments', () => {
  it('carries values as parameters named by their hints', () => {
    const from = param('2022-01-01', 'from');
    expect(render(fragment`MATCH (i:Incident) WHERE i.endDate >= date(${from})`)).toEqual({
      text: 'MATCH (i:Incident) WHERE i.endDate >= date($from)',
      params: { from: '2022-01-01' },
    });
  });

  it('names two values of one hint apart, so neither overwrites the other', () => {
    const first = fragment`a.confidence >= ${param(50, 'confidence')}`;
    const second = fragment`t.confidence >= ${param(70, 'confidence')}`;
    expect(render(join([first, second], ' AND '))).toEqual({
      text: 'a.confidence >= $confidence AND t.confidence >= $confidence2',
      params: { confidence: 50, confidence2: 70 },
    });
  });

  it('names one value used twice once', () => {
    const ids = param(['x'], 'ids');
    expect(render(fragment`${ids} + ${ids}`)).toEqual({
      text: '$ids + $ids',
      params: { ids: ['x'] },
    });
  });

  it('gives each local variable a name no written variable has', () => {
    const inner = () => {
      const t = variable('t');
      return fragment`EXISTS { (a)-[${t}:TARGETS]->() WHERE ${t}.confidence > 0 }`;
    };
    expect(render(fragment`MATCH (a)-[t:TARGETS]->(s) WHERE ${inner()} AND ${inner()}`).text).toBe(
      'MATCH (a)-[t:TARGETS]->(s) WHERE EXISTS { (a)-[t_1:TARGETS]->() WHERE t_1.confidence > 0 } AND EXISTS { (a)-[t_2:TARGETS]->() WHERE t_2.confidence > 0 }',
    );
  });

  it('is immutable: composing leaves the parts as they were', () => {
    const part = fragment`a.id = ${param('x', 'id')}`;
    const before = render(part);
    render(join([part, fragment`b.id = ${param('y', 'id')}`], ' OR '));
    expect(render(part)).toEqual(before);
    expect(Object.isFrozen(part.pieces)).toBe(true);
  });

  it('writes WHERE only when there are conditions, and skips empty ones', () => {
    expect(render(where([])).text).toBe('');
    expect(render(where([EMPTY, trusted('a.x'), EMPTY, trusted('a.y')])).text).toBe(
      'WHERE a.x AND a.y',
    );
  });

  it('builds a named statement for the executor', () => {
    const built = statement<{ n: number }>('count', fragment`RETURN ${param(1, 'n')} AS n`);
    expect(built).toEqual({ query: { name: 'count', text: 'RETURN $n AS n' }, params: { n: 1 } });
  });
});

describe('keyset pagination', () => {
  const keys = [
    {
      by: trusted('i.startDate'),
      direction: 'DESC' as const,
      cast: (v: ReturnType<typeof param>) => fragment`date(${v})`,
    },
    { by: trusted('i.id'), direction: 'DESC' as const },
  ];

  it('orders and asks for one row more than the page on a first page', () => {
    const page = keysetPage(keys, { first: 10, after: null });
    expect(page.after.isEmpty).toBe(true);
    expect(render(fragment`${page.orderBy} ${page.limit}`)).toEqual({
      text: 'ORDER BY i.startDate DESC, i.id DESC LIMIT toInteger($limit)',
      params: { limit: 11 },
    });
  });

  it('starts strictly after the position, each key in its own direction', () => {
    const mixed = [
      { by: trusted('ch.at'), direction: 'DESC' as const },
      { by: trusted('ch.id'), direction: 'ASC' as const },
    ];
    expect(render(keysetPage(mixed, { first: 5, after: ['t', 'x'] }).after)).toEqual({
      text: '((ch.at < $after1) OR (ch.at = $after1 AND ch.id > $after2))',
      params: { after1: 't', after2: 'x' },
    });
    expect(render(keysetPage(keys, { first: 5, after: ['2022-01-01', 'k'] }).after).text).toBe(
      '((i.startDate < date($after1)) OR (i.startDate = date($after1) AND i.id < $after2))',
    );
  });

  it('refuses a position that does not fit the keys', () => {
    expect(() => keysetPage(keys, { first: 5, after: ['x'] })).toThrow(/1 values for 2 sort keys/);
  });
});
