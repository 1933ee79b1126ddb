/** A file that cannot be imported at all (missing, unreadable, of an unknown format, changed midway): exit 1. */
export class ImportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportInputError';
  }
}

/** The error for a file the system would not let us read, with the system's reason. */
export function cannotRead(file: string, error: unknown): ImportInputError {
  return error instanceof ImportInputError
    ? error
    : new ImportInputError(
        `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
      );
}
