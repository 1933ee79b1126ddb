/**
 * Cells that hold a list written as a Python list literal (`['Armenia']`, `[['Media', 'Other']]`,
 * `['It\'s', "a \"b\""]`, `[None]`), as pandas writes list columns to CSV, or as a JSON array.
 * The two overlap: a JSON array of strings is a Python literal too. Values keep their type; `None`
 * and `null` are null.
 */
export type LiteralValue = string | number | boolean | null | LiteralValue[];

export class ListLiteralError extends Error {}

const escapes: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '/': '/',
  b: '\b',
  f: '\f',
};

const words: Record<string, LiteralValue> = {
  None: null,
  null: null,
  True: true,
  False: false,
  true: true,
  false: false,
};

/** Whether a cell looks like a list literal (and so must parse as one). */
export function isListLiteral(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith('[') && trimmed.endsWith(']');
}

/** Parses one list literal; throws ListLiteralError naming the position of what is wrong. */
export function parseListLiteral(text: string): LiteralValue[] {
  const parser = new LiteralParser(text);
  const value = parser.list();
  parser.end();
  return value;
}

class LiteralParser {
  #at = 0;
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  list(): LiteralValue[] {
    this.#skipSpace();
    this.#expect('[');
    const items: LiteralValue[] = [];
    for (;;) {
      this.#skipSpace();
      if (this.#peek() === ']') break;
      items.push(this.#value());
      this.#skipSpace();
      if (this.#peek() === ',') this.#at += 1;
      else if (this.#peek() !== ']') this.#fail('expected "," or "]"');
    }
    this.#at += 1;
    return items;
  }

  end(): void {
    this.#skipSpace();
    if (this.#at < this.#text.length) this.#fail('unexpected text after the list');
  }

  #value(): LiteralValue {
    const c = this.#peek();
    if (c === '[') return this.list();
    if (c === "'" || c === '"') return this.#string(c);
    const word = /^[A-Za-z]+/.exec(this.#text.slice(this.#at))?.[0];
    if (word !== undefined && word in words) {
      this.#at += word.length;
      return words[word] ?? null;
    }
    const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.#text.slice(this.#at))?.[0];
    if (number !== undefined) {
      this.#at += number.length;
      return Number(number);
    }
    return this.#fail('expected a quoted string, a number, None or a list');
  }

  #string(quote: string): string {
    this.#at += 1;
    let out = '';
    for (;;) {
      const c = this.#text[this.#at];
      if (c === undefined) this.#fail(`unterminated string (no closing ${quote})`);
      this.#at += 1;
      if (c === quote) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      out += this.#escape();
    }
  }

  #escape(): string {
    const c = this.#text[this.#at] ?? '';
    this.#at += 1;
    const hexLength = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
    if (hexLength > 0) {
      const hex = this.#text.slice(this.#at, this.#at + hexLength);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(hex)) this.#fail(`bad \\${c} escape`);
      this.#at += hexLength;
      return String.fromCodePoint(parseInt(hex, 16));
    }
    // Python keeps an unknown escape as it is written.
    return escapes[c] ?? `\\${c}`;
  }

  #peek(): string | undefined {
    return this.#text[this.#at];
  }

  #skipSpace(): void {
    while (/\s/.test(this.#text[this.#at] ?? '')) this.#at += 1;
  }

  #expect(c: string): void {
    if (this.#peek() !== c) this.#fail(`expected "${c}"`);
    this.#at += 1;
  }

  #fail(why: string): never {
    throw new ListLiteralError(
      `${why} at character ${this.#at + 1} of ${JSON.stringify(this.#text.length > 80 ? `${this.#text.slice(0, 77)}…` : this.#text)}`,
    );
  }
}
