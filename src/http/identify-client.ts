import type { Request, RequestHandler } from 'express';
import type { Authenticator } from '../auth/authenticator.js';
import type { Viewer } from '../auth/viewer.js';
import { AppError } from '../errors.js';

/** What authenticating a request gave: who is asking, or why their credential was refused. */
export type Authentication = { readonly viewer: Viewer } | { readonly refusal: AppError };

const authentications = new WeakMap<Request, Authentication>();

/**
 * Authenticates each request once, before anything counts or answers it: the rate limits key on
 * who is asking and the routes read the same answer, so every way a client can spell a credential
 * meets one reading of it.
 */
export function identifyClient(authenticate: Authenticator): RequestHandler {
  return async (req, _res, next) => {
    try {
      const viewer = await authenticate({
        authorization: req.get('authorization'),
        apiKey: req.get('x-api-key'),
      });
      authentications.set(req, { viewer });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      authentications.set(req, { refusal: error });
    }
    next();
  };
}

export function authenticationOf(req: Request): Authentication {
  const authentication = authentications.get(req);
  if (!authentication) throw new Error(`identifyClient did not run before ${req.originalUrl}`);
  return authentication;
}

/** Who is asking; a refused credential is thrown as the UNAUTHENTICATED error it got. */
export function viewerOf(req: Request): Viewer {
  const authentication = authenticationOf(req);
  if ('refusal' in authentication) throw authentication.refusal;
  return authentication.viewer;
}
