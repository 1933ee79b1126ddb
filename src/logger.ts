import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * JSON lines on stdout (one object per line, ready for any log shipper). `destination` lets tests
 * capture what was logged. Secrets never reach a line: the usual carriers are redacted.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'cyber-incident-graph' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-api-key"]',
          'password',
          '*.password',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
