const REPLACEMENT = '\uFFFD';
/** How many of the lines holding one the note names. */
const LINES_NAMED = 10;

/** How many line feeds a text holds. */
function lineFeeds(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

/**
 * The lines of a text, fed in chunks, that hold U+FFFD, the character a tool leaves where it could
 * not decode one: valid text, kept as found, but a sign of an earlier mangling that a person
 * should be told of rather than find later in the graph.
 */
export class ReplacementCharacterLines {
  readonly lines: number[] = [];
  #line = 1;

  feed(text: string): void {
    if (!text.includes(REPLACEMENT)) {
      this.#line += lineFeeds(text);
      return;
    }
    for (const character of text) {
      if (character === '\n') this.#line += 1;
      else if (character === REPLACEMENT && this.lines.at(-1) !== this.#line)
        this.lines.push(this.#line);
    }
  }

  /** The summary's note, when there is anything to say. */
  note(file: string): string | undefined {
    const count = this.lines.length;
    if (count === 0) return undefined;
    const named = this.lines.slice(0, LINES_NAMED).join(', ');
    const more = count > LINES_NAMED ? ` and ${count - LINES_NAMED} more` : '';
    return `${file}: ${count} line${count === 1 ? ' holds' : 's hold'} U+FFFD, the replacement character a tool leaves where it could not decode a character (line${count === 1 ? '' : 's'} ${named}${more}); stored as found — check where the file came from`;
  }
}

/** The note for a text held whole, when it holds U+FFFD. */
export function replacementCharacterNote(text: string, file: string): string | undefined {
  const lines = new ReplacementCharacterLines();
  lines.feed(text);
  return lines.note(file);
}
