import {
  Kind,
  valueFromASTUntyped,
  type FieldNode,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';

/**
 * Reads the values a query passes to field arguments, the way execution will see them: literals
 * as written, variables from the request or else from their declared defaults. Values are not
 * coerced; execution rejects ill-typed ones later, so callers treat anything unexpected as unknown.
 */
export class ArgumentValues {
  private readonly variableDefaults = new Map<string, ValueNode>();

  constructor(
    operation: OperationDefinitionNode,
    private readonly variables: Readonly<Record<string, unknown>>,
  ) {
    for (const definition of operation.variableDefinitions ?? []) {
      if (definition.defaultValue) {
        this.variableDefaults.set(definition.variable.name.value, definition.defaultValue);
      }
    }
  }

  /** `undefined` when the query does not pass the argument (or passes an unset variable). */
  of(field: FieldNode, argumentName: string): unknown {
    const argument = field.arguments?.find(({ name }) => name.value === argumentName);
    if (!argument) return undefined;
    if (argument.value.kind === Kind.VARIABLE) {
      const variableName = argument.value.name.value;
      if (Object.hasOwn(this.variables, variableName)) return this.variables[variableName];
      const defaultValue = this.variableDefaults.get(variableName);
      return defaultValue ? valueFromASTUntyped(defaultValue) : undefined;
    }
    return valueFromASTUntyped(argument.value, this.variables);
  }
}
