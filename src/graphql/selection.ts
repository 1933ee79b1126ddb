import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** What of a resolver's info a selection is read from. */
export type SelectionInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/**
 * Whether the query selects the field at `path` below the field being resolved (`['nodes',
 * 'properties']`: `properties` of `nodes`), through inline fragments and fragment spreads. A field
 * under `@skip` or `@include` counts as selected: computing a value nobody reads costs time, leaving
 * out one somebody reads would be wrong.
 */
export function selects(info: SelectionInfo, path: readonly string[]): boolean {
  let fields: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    fields = fields.flatMap((field) =>
      field.selectionSet ? fieldsNamed(name, field.selectionSet, info, new Set()) : [],
    );
    if (fields.length === 0) return false;
  }
  return true;
}

/** Whether any of the fields `names` is selected below `path`. */
export const selectsAny = (
  info: SelectionInfo,
  path: readonly string[],
  names: readonly string[],
): boolean => names.some((name) => selects(info, [...path, name]));

function fieldsNamed(
  name: string,
  selectionSet: SelectionSetNode,
  info: SelectionInfo,
  visited: Set<string>,
): FieldNode[] {
  return selectionSet.selections.flatMap((selection): FieldNode[] => {
    switch (selection.kind) {
      case Kind.FIELD:
        return selection.name.value === name ? [selection] : [];
      case Kind.INLINE_FRAGMENT:
        return fieldsNamed(name, selection.selectionSet, info, visited);
      case Kind.FRAGMENT_SPREAD: {
        const spread = selection.name.value;
        const fragment = info.fragments[spread];
        // Validation rejects fragment cycles; the guard keeps a direct call from looping.
        if (!fragment || visited.has(spread)) return [];
        return fieldsNamed(name, fragment.selectionSet, info, new Set([...visited, spread]));
      }
    }
  });
}
