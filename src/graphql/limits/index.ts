export { checkOperation, findLimitViolation } from './check-operation.js';
export { countTokens } from './count-tokens.js';
export {
  measureOperation,
  type ListSizing,
  type OperationMeasurement,
} from './measure-operation.js';
export { createQueryLimitsPlugin, queryLimitsParseOptions } from './plugin.js';
export { defaultQueryLimits, type QueryLimits } from './query-limits.js';
