import { CombinedError } from 'urql';
import { graphql } from '../gql';
import type { ViewerQuery as ViewerAnswer } from '../gql/graphql';
import { createApiClient } from './client';
import type { Credential } from './credential';

/** Who the API takes the request's credential for, and what that role allows. */
export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      role
      via
      canRead
      canEdit
      canAdminister
    }
  }
`);

export type Viewer = ViewerAnswer['viewer'];

/**
 * Asks the API who a pasted credential names before the explorer keeps it, and answers why it was
 * refused, or null when it was accepted: a credential the API refuses (UNAUTHENTICATED) is never
 * kept, so no view is ever asked with it. A client of its own, so nothing it answers is cached
 * beside the current session's answers.
 */
export async function refusalOf(candidate: Credential): Promise<CombinedError | null> {
  const result = await createApiClient(candidate).query(ViewerQuery, {}).toPromise();
  if (result.data) return null;
  return result.error ?? new CombinedError({ networkError: new Error('The API gave no answer.') });
}

/** What the viewer's role allows, in a few words (read-only unless the role says more). */
export function allowanceOf(viewer: Viewer): string {
  if (viewer.canAdminister) return 'may edit, delete and merge';
  if (viewer.canEdit) return 'may edit';
  return 'read-only';
}
