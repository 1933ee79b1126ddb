import { ApolloServerErrorCode } from '@apollo/server/errors';
import type { ErrorRequestHandler, Response } from 'express';
import { ErrorCode, httpStatusOf, type AppError } from '../errors.js';

/**
 * A domain error refusing a plain HTTP request (an export's credential or role): its status, 400
 * where its code names none, and its message and code in the shape of a GraphQL error.
 */
export function sendAppError(res: Response, error: AppError): void {
  res.status(httpStatusOf(error.code) ?? 400).json({
    errors: [{ message: error.message, extensions: { code: error.code } }],
  });
}

/** What the body parser (http-errors) and other middleware attach to the errors they pass on. */
interface HttpError {
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  message?: unknown;
}

/**
 * Answers errors raised outside GraphQL — the body parser's 400 (malformed JSON), 413 (a body over
 * HTTP_BODY_LIMIT, inflated or not) and 415 (an unsupported charset or encoding), or an export
 * route failing before it streams — as JSON in the shape of a GraphQL error. Express's default
 * handler answers an HTML page that, unless NODE_ENV is `production`, holds the stack trace and
 * the server's file paths. A client error keeps its status and message (it describes the client's
 * own request); anything else is a masked 500, logged in full.
 */
export const errorResponses: ErrorRequestHandler = (error: unknown, req, res, next) => {
  // Once a response has started, only Express's own handler can end it (it cuts the connection).
  if (res.headersSent) {
    next(error);
    return;
  }
  const { status, statusCode, expose, message } = (error ?? {}) as HttpError;
  const code = typeof status === 'number' ? status : statusCode;
  const clientError = typeof code === 'number' && code >= 400 && code < 500 && expose === true;
  if (!clientError) req.log.error({ err: error }, 'unexpected error');
  res.status(clientError ? code : 500).json({
    errors: [
      {
        message: clientError && typeof message === 'string' ? message : 'Internal server error',
        extensions: {
          code: clientError ? ApolloServerErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_SERVER_ERROR,
          requestId: req.id,
        },
      },
    ],
  });
};
