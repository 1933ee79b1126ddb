import { GraphQLError, Lexer, Source, TokenKind, type Token } from 'graphql';

/**
 * Counts the lexical tokens of a GraphQL document, comments included (they cost the lexer as
 * much as any token), and stops as soon as `stopAfter` is reached, so an enormous document is
 * rejected for the price of reading its beginning. Text the lexer cannot read ends the count;
 * the parser reports that syntax error itself.
 */
export function countTokens(source: string, stopAfter: number): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (count < stopAfter) {
      const token = lexer.advance();
      count += commentsBefore(token);
      if (token.kind === TokenKind.EOF) break;
      count += 1;
    }
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
  }
  return Math.min(count, stopAfter);
}

/** The lexer skips comments but keeps them linked just before the token they precede. */
function commentsBefore(token: Token): number {
  let comments = 0;
  for (let previous = token.prev; previous?.kind === TokenKind.COMMENT; previous = previous.prev) {
    comments += 1;
  }
  return comments;
}
