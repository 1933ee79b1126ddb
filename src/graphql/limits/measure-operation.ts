import {
  getNamedType,
  getNullableType,
  getOperationAST,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLAbstractType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { ArgumentValues } from './argument-values.js';
import { firstNegative, firstTooLarge } from './limit-errors.js';
import type { QueryLimits } from './query-limits.js';

export interface OperationMeasurement {
  depth: number;
  cost: number;
  aliases: number;
}

export type ListSizing = Pick<QueryLimits, 'defaultListSize' | 'maxFirst'>;

interface SelectionMeasurement {
  /** Field levels from here down to the deepest leaf. */
  height: number;
  cost: number;
  aliases: number;
}

interface ListSize {
  multiplier: number;
  /**
   * A connection field's `first` already says how many edges come back, so the lists directly
   * inside it (`edges`, `nodes`) must not be multiplied a second time.
   */
  sizesItsLists: boolean;
}

const nothing: SelectionMeasurement = { height: 0, cost: 0, aliases: 0 };

/** Fragment bombs can make counts astronomically large; keep them exact-integer sized. */
const saturate = (count: number): number => Math.min(count, Number.MAX_SAFE_INTEGER);

/** Introspection reads only the in-memory schema: it costs no database work. */
const introspectionRoots = new Set([SchemaMetaFieldDef.name, TypeMetaFieldDef.name]);

/**
 * GraphiQL's and Apollo Sandbox's introspection queries unwrap list and non-null types through
 * nine nested `ofType`s, deeper than any data query; those levels are free. Every other level
 * inside `__schema` still counts, or `fields { type { fields { type … } } }` could ask for the
 * schema's size raised to any power.
 */
const unwrapsTypeReference = (field: FieldNode, parentType: GraphQLCompositeType | undefined) =>
  field.name.value === 'ofType' && parentType?.name === '__Type';

/**
 * Measures the operation `operationName` selects, as execution would run it: fragments expanded
 * where they are spread, each fragment measured once however often it is spread (so fragment
 * bombs cost time linear in the document), spreads that would recurse into themselves ignored.
 *
 * - depth: deepest field nesting, introspection's `ofType` levels excepted.
 * - aliases: aliased fields, a fragment's counted once per spread.
 * - cost: per field 1 + multiplier × cost of its selections, the multiplier being the field's
 *   `first` (else its schema default, else `defaultListSize`), else the number of `ids`, else
 *   `defaultListSize` for a list, else 1; introspection (`__schema`, `__type`) costs 0.
 *   Type-conditioned fragments on an interface or union are alternatives, so the costliest
 *   possible type counts, not their sum.
 *
 * Throws a BAD_USER_INPUT GraphQLError for a `first` above `maxFirst` or below 0: such a query
 * has no meaningful cost. Unknown operation: all zeros (Apollo reports it itself).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>>,
  limits: ListSizing,
): OperationMeasurement {
  const operation = getOperationAST(document, operationName);
  if (!operation) return { depth: 0, cost: 0, aliases: 0 };

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const argumentValues = new ArgumentValues(operation, variables);
  const measuredFragments = new Map<string, SelectionMeasurement>();
  const fragmentsBeingMeasured = new Set<string>();

  const compositeTypeNamed = (name: string): GraphQLCompositeType | undefined => {
    const type = schema.getType(name);
    return isCompositeType(type) ? type : undefined;
  };

  const measureSelectionSet = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLCompositeType | undefined,
    sizedByParent: boolean,
  ): SelectionMeasurement => {
    let height = 0;
    let unconditionalCost = 0;
    let aliases = 0;
    const alternatives: { condition: GraphQLCompositeType; cost: number }[] = [];

    const addFragment = (
      measured: SelectionMeasurement,
      condition: GraphQLCompositeType | undefined,
    ): void => {
      height = Math.max(height, measured.height);
      aliases = saturate(aliases + measured.aliases);
      if (condition && condition !== parentType && isAbstractType(parentType)) {
        alternatives.push({ condition, cost: measured.cost });
      } else {
        unconditionalCost = saturate(unconditionalCost + measured.cost);
      }
    };

    for (const selection of selectionSet.selections) {
      switch (selection.kind) {
        case Kind.FIELD: {
          const measured = measureField(selection, parentType, sizedByParent);
          height = Math.max(height, measured.height);
          unconditionalCost = saturate(unconditionalCost + measured.cost);
          aliases = saturate(aliases + measured.aliases);
          break;
        }
        case Kind.INLINE_FRAGMENT: {
          const condition = selection.typeCondition
            ? compositeTypeNamed(selection.typeCondition.name.value)
            : parentType;
          addFragment(
            measureSelectionSet(selection.selectionSet, condition, sizedByParent),
            condition,
          );
          break;
        }
        case Kind.FRAGMENT_SPREAD: {
          const fragment = fragments.get(selection.name.value);
          if (!fragment) break;
          const measured = measureFragment(fragment, sizedByParent);
          if (measured) {
            addFragment(measured, compositeTypeNamed(fragment.typeCondition.name.value));
          }
          break;
        }
      }
    }
    const cost =
      parentType && isAbstractType(parentType)
        ? saturate(unconditionalCost + costliestAlternative(schema, parentType, alternatives))
        : unconditionalCost;
    return { height, cost, aliases };
  };

  const measureFragment = (
    fragment: FragmentDefinitionNode,
    sizedByParent: boolean,
  ): SelectionMeasurement | undefined => {
    const name = fragment.name.value;
    // Validation rejects fragment cycles before this runs in the server; the guard keeps a direct
    // call (or a cycle validation missed) from recursing forever.
    if (fragmentsBeingMeasured.has(name)) return undefined;
    const key = `${name}:${String(sizedByParent)}`;
    const known = measuredFragments.get(key);
    if (known) return known;

    fragmentsBeingMeasured.add(name);
    const measured = measureSelectionSet(
      fragment.selectionSet,
      compositeTypeNamed(fragment.typeCondition.name.value),
      sizedByParent,
    );
    fragmentsBeingMeasured.delete(name);
    measuredFragments.set(key, measured);
    return measured;
  };

  const listSize = (
    field: FieldNode,
    definition: GraphQLField<unknown, unknown>,
    parentType: GraphQLCompositeType,
    sizedByParent: boolean,
  ): ListSize => {
    const returnsList = isListType(getNullableType(definition.type));
    const firstArgument = definition.args.find(({ name }) => name === 'first');
    if (firstArgument) {
      const first = requestedFirst(field, parentType, argumentValues.of(field, 'first'), limits);
      const schemaDefault = firstArgument.defaultValue;
      const multiplier =
        first ?? (typeof schemaDefault === 'number' ? schemaDefault : limits.defaultListSize);
      return { multiplier, sizesItsLists: !returnsList };
    }
    if (definition.args.some(({ name }) => name === 'ids')) {
      const ids = argumentValues.of(field, 'ids');
      // A single value where a list is expected is coerced to a list of one.
      if (Array.isArray(ids)) return { multiplier: ids.length, sizesItsLists: false };
      if (ids !== undefined && ids !== null) return { multiplier: 1, sizesItsLists: false };
    }
    if (returnsList) {
      return { multiplier: sizedByParent ? 1 : limits.defaultListSize, sizesItsLists: false };
    }
    return { multiplier: 1, sizesItsLists: false };
  };

  const measureField = (
    field: FieldNode,
    parentType: GraphQLCompositeType | undefined,
    sizedByParent: boolean,
  ): SelectionMeasurement => {
    const definition = parentType && fieldDefinition(schema, parentType, field.name.value);
    const size = definition
      ? listSize(field, definition, parentType, sizedByParent)
      : { multiplier: 1, sizesItsLists: false };
    const childType = definition ? getNamedType(definition.type) : undefined;
    const children = field.selectionSet
      ? measureSelectionSet(
          field.selectionSet,
          isCompositeType(childType) ? childType : undefined,
          size.sizesItsLists,
        )
      : nothing;
    const ownLevel = unwrapsTypeReference(field, parentType) ? 0 : 1;
    return {
      height: ownLevel + children.height,
      cost: introspectionRoots.has(field.name.value)
        ? 0
        : saturate(1 + size.multiplier * children.cost),
      aliases: saturate((field.alias ? 1 : 0) + children.aliases),
    };
  };

  const measured = measureSelectionSet(
    operation.selectionSet,
    schema.getRootType(operation.operation) ?? undefined,
    false,
  );
  return { depth: measured.height, cost: measured.cost, aliases: measured.aliases };
}

/** The client's `first`, checked against the cap; `undefined` when not given as a number. */
function requestedFirst(
  field: FieldNode,
  parentType: GraphQLCompositeType,
  value: unknown,
  limits: ListSizing,
): number | undefined {
  if (typeof value !== 'number') return undefined;
  const coordinate = `${parentType.name}.${field.name.value}`;
  if (value > limits.maxFirst) {
    throw firstTooLarge(field.name.value, coordinate, limits.maxFirst, value);
  }
  if (value < 0) throw firstNegative(field.name.value, coordinate, value);
  return value;
}

/** Includes the meta fields, which no type lists among its own fields. */
function fieldDefinition(
  schema: GraphQLSchema,
  parentType: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parentType === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  if (isObjectType(parentType) || isInterfaceType(parentType)) return parentType.getFields()[name];
  return undefined;
}

/**
 * Fragments conditioned on narrower types of an interface or union: an object of one concrete
 * type gets exactly the fragments that apply to it, so the cost is that of the costliest type.
 */
function costliestAlternative(
  schema: GraphQLSchema,
  parentType: GraphQLAbstractType,
  alternatives: readonly { condition: GraphQLCompositeType; cost: number }[],
): number {
  let costliest = 0;
  for (const type of schema.getPossibleTypes(parentType)) {
    let cost = 0;
    for (const alternative of alternatives) {
      if (appliesTo(schema, alternative.condition, type)) cost = saturate(cost + alternative.cost);
    }
    costliest = Math.max(costliest, cost);
  }
  return costliest;
}

function appliesTo(
  schema: GraphQLSchema,
  condition: GraphQLCompositeType,
  type: GraphQLObjectType,
): boolean {
  return condition === type || (isAbstractType(condition) && schema.isSubType(condition, type));
}
