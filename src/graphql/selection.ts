import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/** What of a resolver's `info` a selection is read from. */
export type SelectionSource = Pick<
  GraphQLResolveInfo,
  'fieldNodes' | 'fragments' | 'variableValues'
>;

type Where = Pick<GraphQLResolveInfo, 'fragments' | 'variableValues'>;

/**
 * What a client selected under the field being resolved: each sub-field by name, aliases and
 * repeats merged, fragments expanded, `@skip` and `@include` applied, with what it selects in
 * turn. A fragment's fields count whatever its type condition: that can only make a list read
 * more than it needs, never less than a field resolves from.
 */
export class SelectedFields {
  private constructor(
    private readonly fields: ReadonlyMap<string, readonly SelectionSetNode[]>,
    private readonly where: Where,
  ) {}

  static of(info: SelectionSource): SelectedFields {
    return SelectedFields.within(
      info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : [])),
      info,
    );
  }

  private static within(sets: readonly SelectionSetNode[], where: Where): SelectedFields {
    const fields = new Map<string, SelectionSetNode[]>();
    const expanded = new Set<string>();
    const visit = (set: SelectionSetNode): void => {
      for (const selection of set.selections) {
        if (!included(selection, where.variableValues)) continue;
        if (selection.kind === Kind.FIELD) {
          const sets = fields.get(selection.name.value) ?? [];
          if (selection.selectionSet) sets.push(selection.selectionSet);
          fields.set(selection.name.value, sets);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          visit(selection.selectionSet);
        } else {
          // Validation refuses fragment cycles; a fragment spread twice adds nothing the second time.
          const fragment: FragmentDefinitionNode | undefined =
            where.fragments[selection.name.value];
          if (fragment && !expanded.has(fragment.name.value)) {
            expanded.add(fragment.name.value);
            visit(fragment.selectionSet);
          }
        }
      }
    };
    sets.forEach(visit);
    return new SelectedFields(fields, where);
  }

  /** The names of the fields selected here, in the order first selected. */
  get names(): string[] {
    return [...this.fields.keys()];
  }

  has(name: string): boolean {
    return this.fields.has(name);
  }

  /** What is selected under the field `name` (nothing when it is not selected). */
  under(name: string): SelectedFields {
    return SelectedFields.within(this.fields.get(name) ?? [], this.where);
  }
}

/** `@skip(if: true)` leaves a selection out, and so does `@include(if: false)`. */
function included(
  node: Parameters<typeof getDirectiveValues>[1],
  variables: GraphQLResolveInfo['variableValues'],
): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/**
 * For each field of an object type, the stored properties of its row its resolver reads; a field
 * whose type resolves from the same row (an incident's `impact`) has a table of its own. A field
 * read through a loader by the row's key reads none beyond the key.
 */
export type PropertyTable<Property extends string> = {
  readonly [field: string]: readonly Property[] | PropertyTable<Property>;
};

/**
 * The properties a selection reads, by its type's table, sorted and each once (so the lists of
 * two equal selections are equal). A name the table lacks (`__typename`) reads none.
 */
export function propertiesRead<Property extends string>(
  selected: SelectedFields,
  table: PropertyTable<Property>,
): Property[] {
  const read = new Set<Property>();
  for (const name of selected.names) {
    const entry = Object.hasOwn(table, name) ? table[name] : undefined;
    if (entry === undefined) continue;
    const properties = isPropertyList(entry) ? entry : propertiesRead(selected.under(name), entry);
    for (const property of properties) read.add(property);
  }
  return [...read].sort();
}

const isPropertyList = <Property extends string>(
  entry: readonly Property[] | PropertyTable<Property>,
): entry is readonly Property[] => Array.isArray(entry);
