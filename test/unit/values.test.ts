import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../src/db/values.js';

describe('toPlain', () => {
  it('turns driver values into JSON-ready data', () => {
    expect(
      toPlain({
        count: neo4j.int(42),
        day: new neo4j.types.Date(2022, 2, 24),
        nested: [neo4j.int(1), { at: new neo4j.types.Date(2017, 6, 27) }],
        missing: undefined,
      }),
    ).toEqual({ count: 42, day: '2022-02-24', nested: [1, { at: '2017-06-27' }], missing: null });
  });

  it('returns a node as its properties', () => {
    const node = new neo4j.types.Node(
      neo4j.int(1),
      ['Actor'],
      { id: 'sandworm', name: 'Sandworm' },
      '4:x:1',
    );
    expect(toPlain(node)).toEqual({ id: 'sandworm', name: 'Sandworm' });
  });
});
