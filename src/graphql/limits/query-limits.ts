/** How much work one GraphQL operation may ask for; checked before anything executes. */
export interface QueryLimits {
  /** Deepest field nesting of the executed operation. */
  maxDepth: number;
  /** Estimated number of fields resolved, lists multiplied by their size. */
  maxCost: number;
  /** Aliased fields: aliases are how one request asks for the same expensive field many times. */
  maxAliases: number;
  /** Lexical tokens (comments included) of the raw document, checked before parsing. */
  maxTokens: number;
  /** Assumed length of a list whose size the query does not state with `first` or `ids`. */
  defaultListSize: number;
  /** Largest page a client may ask for with `first`. */
  maxFirst: number;
}

export const defaultQueryLimits: QueryLimits = {
  maxDepth: 12,
  maxCost: 50_000,
  maxAliases: 30,
  maxTokens: 5_000,
  defaultListSize: 10,
  maxFirst: 500,
};
