import type { RequestHandler } from 'express';
import { ErrorCode } from '../errors.js';

/** How much of an unknown path the answer repeats. */
const SHOWN_PATH = 200;

/**
 * What no route answered: a JSON 404 in the shape of a GraphQL error, never Express's HTML page.
 * It must be mounted after every route, or it answers theirs.
 */
export const unknownRoute: RequestHandler = (req, res) => {
  const path = req.path.length > SHOWN_PATH ? `${req.path.slice(0, SHOWN_PATH)}…` : req.path;
  res.status(404).json({
    errors: [
      {
        message: `No route answers ${req.method} ${path}.`,
        extensions: { code: ErrorCode.NOT_FOUND, requestId: req.id },
      },
    ],
  });
};
