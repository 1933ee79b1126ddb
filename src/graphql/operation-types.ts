import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses an operation whose root type the schema does not have (this API has no `Subscription`).
 * graphql-js 16 validates `subscription { … }` as correct and only fails it in execution, with an
 * error that has no code, so the API masked a client's mistake as an internal error and logged
 * it as one. As a validation error it is a GRAPHQL_VALIDATION_FAILED with HTTP 400.
 */
export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(
        new GraphQLError(`This API has no ${node.operation} operations.`, { nodes: node }),
      );
    }
  },
});
