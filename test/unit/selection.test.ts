import {
  Kind,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { selects, selectsAny, type SelectionInfo } from '../../src/graphql/selection.js';

/** The info a resolver of the operation's first root field gets. */
function infoOf(query: string): SelectionInfo {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const root = operation?.selectionSet.selections[0] as FieldNode;
  return { fieldNodes: [root], fragments };
}

describe('selects', () => {
  it('finds a field at a path below the resolved field', () => {
    const info = infoOf('{ neighborhood(ids: []) { nodes { id properties } edges { id } } }');
    expect(selects(info, ['nodes', 'properties'])).toBe(true);
    expect(selects(info, ['edges', 'properties'])).toBe(false);
    expect(selects(info, ['truncated'])).toBe(false);
  });

  it('looks through inline fragments and fragment spreads, and under aliases', () => {
    const info = infoOf(`{ m: actorSectorMatrix { ... on ActorSectorMatrix { counts } ...Shares } }
      fragment Shares on ActorSectorMatrix { shares: crossBorderShares ...Again }
      fragment Again on ActorSectorMatrix { reported }`);
    expect(selects(info, ['counts'])).toBe(true);
    expect(selects(info, ['crossBorderShares'])).toBe(true);
    expect(selects(info, ['reported'])).toBe(true);
    expect(selects(info, ['total'])).toBe(false);
  });

  it('counts a field under @skip as selected, and any of several names', () => {
    const info = infoOf('{ paths { subgraph { nodes { cytoscape @skip(if: true) } } } }');
    expect(selectsAny(info, ['subgraph', 'nodes'], ['properties', 'cytoscape'])).toBe(true);
    expect(selectsAny(info, ['subgraph', 'edges'], ['properties', 'cytoscape'])).toBe(false);
  });

  it('does not loop on a fragment that spreads itself', () => {
    const info = infoOf('{ stats { ...Loop } } fragment Loop on Stats { ...Loop }');
    expect(selects(info, ['incidents'])).toBe(false);
  });
});
