import type { ImportIssue } from './records.js';

/**
 * JSON.parse with an error a person can act on: the line and column of the syntax error, taken
 * from the engine's character position.
 */
export function parseJsonFile(
  text: string,
  file: string,
): { value: unknown } | { issue: ImportIssue } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    let location = 'file';
    if (position) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      const column = Number(position[1]) - before.lastIndexOf('\n');
      location = `line ${line}, column ${column}`;
    }
    return {
      issue: {
        file,
        location,
        reason: `malformed JSON: ${message.replace(/ in JSON at position.*$/, '')}`,
      },
    };
  }
}
