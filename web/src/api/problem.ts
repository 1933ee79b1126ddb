import type { CombinedError } from 'urql';

/** What went wrong with a request, in the terms an analyst can act on. */
export interface Problem {
  kind: 'unreachable' | 'database' | 'signIn' | 'forbidden' | 'input' | 'notFound' | 'other';
  title: string;
  detail: string;
}

const codeOf = (error: CombinedError): string | undefined => {
  const code = error.graphQLErrors[0]?.extensions.code;
  return typeof code === 'string' ? code : undefined;
};

/** Turns a failed request into a Problem: the API's error codes, or a network failure. */
export function problemOf(error: CombinedError): Problem {
  const message = error.graphQLErrors[0]?.message ?? error.message;
  if (error.networkError && error.graphQLErrors.length === 0)
    return {
      kind: 'unreachable',
      title: 'The API cannot be reached',
      detail: 'The explorer got no answer from the server. Check that cig serve is running.',
    };
  switch (codeOf(error)) {
    case 'DATABASE_UNAVAILABLE':
      return { kind: 'database', title: 'The database is unavailable', detail: message };
    case 'UNAUTHENTICATED':
      return { kind: 'signIn', title: 'Sign in to see this', detail: message };
    case 'FORBIDDEN':
      return { kind: 'forbidden', title: 'Your role does not allow this', detail: message };
    case 'BAD_USER_INPUT':
    case 'GRAPHQL_VALIDATION_FAILED':
      return { kind: 'input', title: 'The request was refused', detail: message };
    case 'NOT_FOUND':
      return { kind: 'notFound', title: 'Not found', detail: message };
    default:
      return { kind: 'other', title: 'Something went wrong', detail: message };
  }
}
