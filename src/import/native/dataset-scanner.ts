import Assembler from 'stream-json/core/assembler.js';
import { jsonParser, type Token } from 'stream-json/core/parser.js';
import { recordKinds, type RecordKind } from '../records.js';

/** What a scan hands on: the records of the kinds it is asked for, one at a time. */
export interface DatasetVisitor {
  /** Whether records of this kind are wanted; the others are skipped without being built. */
  wants(kind: RecordKind): boolean;
  record(kind: RecordKind, index: number, value: unknown): void;
}

/** A syntax error of the text, found `consumedBefore` characters into it or later. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    /** Characters fed without error before the chunk that failed. */
    readonly consumedBefore: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

/** Options shared by every tokenizer here: packed values only, as the assembler reads them. */
const PACKED_ONLY = { streamValues: false } as const;

/** A JSON value that stands in for a container the scan does not build (the envelope check only needs its type). */
const standIn = (token: Token): unknown => {
  switch (token.name) {
    case 'startObject':
      return {};
    case 'startArray':
      return [];
    case 'numberValue':
      return Number(token.value);
    case 'stringValue':
    case 'nullValue':
    case 'trueValue':
    case 'falseValue':
      return token.value;
    default:
      return undefined;
  }
};

/** Editors on some systems start a UTF-8 file with a byte-order mark; it is not JSON. */
const withoutByteOrderMark = (text: string): string =>
  text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

const isRecordKind = (key: string): key is RecordKind =>
  (recordKinds as readonly string[]).includes(key);

/**
 * Reads a native dataset as a stream of text chunks, never holding more than one record: the
 * top-level object's members are read as they come, in any order; each element of a record array
 * ("sources", "actors", …) is built alone and handed to the visitor; every other member is kept
 * only as a small stand-in of its type, so the envelope can be checked by the same schema as a
 * whole file would be (format.ts).
 */
export class DatasetScanner {
  readonly #tokenize = jsonParser(PACKED_ONLY);
  readonly #assembler = new Assembler();
  readonly #visitor: DatasetVisitor;
  #consumed = 0;
  #depth = 0;
  #key: string | null = null;
  /** The record array being read, and the index of its next element. */
  #array: RecordKind | null = null;
  #index = 0;
  /** Inside an element being built (true) or skipped (false); undefined between elements. */
  #element: boolean | undefined;
  /** Inside a container that is not built, until the depth falls back to this. */
  #skipUntil = -1;
  /** Whether the top-level value is an object (a dataset), and whether it has ended. */
  #rootOpened = false;
  #rootEnded = false;
  #root: unknown = undefined;
  readonly #members: Record<string, unknown> = {};
  readonly #order: RecordKind[] = [];
  readonly #repeated: RecordKind[] = [];

  constructor(visitor: DatasetVisitor) {
    this.#visitor = visitor;
  }

  /** Feeds the next chunk of text; throws JsonSyntaxError when it cannot be JSON. */
  write(chunk: string): void {
    const text = this.#consumed === 0 ? withoutByteOrderMark(chunk) : chunk;
    let tokens: readonly Token[];
    try {
      const out = this.#tokenize(text);
      tokens = typeof out === 'symbol' ? [] : out.values;
    } catch (error) {
      throw new JsonSyntaxError(
        error instanceof Error ? error.message : String(error),
        this.#consumed,
      );
    }
    this.#consumed += text.length;
    for (const token of tokens) this.#token(token);
  }

  /**
   * Ends the text. A number that ends it is only known to be whole now, so a space finishes it.
   * Returns false when the text stopped before its top-level value ended.
   */
  end(): boolean {
    this.write(' ');
    return this.#rootEnded;
  }

  /** The record arrays, in the order the text holds them. */
  get order(): readonly RecordKind[] {
    return this.#order;
  }

  /** Record arrays that appear more than once (JSON.parse would keep the last; nothing should be silently dropped). */
  get repeated(): readonly RecordKind[] {
    return this.#repeated;
  }

  /** The document with each record array emptied: what the envelope schema judges. */
  get envelope(): unknown {
    return this.#rootOpened ? this.#members : this.#root;
  }

  /** The record array being read now, if any. */
  get currentArray(): RecordKind | null {
    return this.#array;
  }

  #token(token: Token): void {
    const before = this.#depth;
    if (token.name === 'startObject' || token.name === 'startArray') this.#depth += 1;
    else if (token.name === 'endObject' || token.name === 'endArray') this.#depth -= 1;

    if (this.#element !== undefined) {
      const wanted = this.#element;
      if (wanted) this.#assembler.consume(token);
      if (this.#depth === 2) {
        this.#element = undefined;
        this.#endElement(wanted, this.#assembler.current);
      }
      return;
    }
    if (this.#skipUntil >= 0) {
      if (this.#depth === this.#skipUntil) this.#skipUntil = -1;
      if (this.#depth === 0) this.#rootEnded = true;
      return;
    }
    if (before === 0) {
      this.#rootValue(token);
    } else if (before === 1) {
      this.#member(token);
    } else if (this.#array) {
      this.#arrayItem(token);
    }
  }

  #rootValue(token: Token): void {
    if (token.name === 'startObject') {
      this.#rootOpened = true;
      return;
    }
    this.#root = standIn(token);
    if (this.#depth > 0) this.#skipUntil = 0;
    else this.#rootEnded = true;
  }

  #member(token: Token): void {
    if (token.name === 'keyValue') {
      this.#key = token.value;
      return;
    }
    if (token.name === 'endObject') {
      this.#rootEnded = true;
      return;
    }
    const key = this.#key ?? '';
    if (token.name === 'startArray' && isRecordKind(key)) {
      if (this.#order.includes(key)) this.#repeated.push(key);
      else this.#order.push(key);
      this.#members[key] = [];
      this.#array = key;
      this.#index = 0;
      return;
    }
    this.#members[key] = standIn(token);
    if (this.#depth > 1) this.#skipUntil = 1;
  }

  #arrayItem(token: Token): void {
    const kind = this.#array;
    if (!kind) return;
    if (token.name === 'endArray') {
      this.#array = null;
      return;
    }
    const wanted = this.#visitor.wants(kind);
    if (this.#depth === 2) {
      // A scalar element: whole already.
      this.#endElement(wanted, standIn(token));
      return;
    }
    this.#element = wanted;
    if (wanted) this.#assembler.consume(token);
  }

  /** An element of the current array has ended: handed on if wanted, counted either way. */
  #endElement(wanted: boolean, value: unknown): void {
    if (wanted && this.#array) this.#visitor.record(this.#array, this.#index, value);
    this.#index += 1;
  }
}

/** Where a syntax error stands in a text: 1-based line and column, counted in characters. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Finds exactly where a text stops being JSON: fed the same text again, it tokenizes whole what
 * is known to be good (everything before the chunk that failed) and the rest one character at a
 * time, so the character that fails is the one to blame. Only run after a failure: it costs a
 * second read of the text up to the error.
 */
export class SyntaxErrorLocator {
  readonly #tokenize = jsonParser(PACKED_ONLY);
  readonly #goodUntil: number;
  #consumed = 0;
  #line = 1;
  #lineStart = 0;
  #found: (TextPosition & { message: string }) | undefined;

  constructor(goodUntil: number) {
    this.#goodUntil = goodUntil;
  }

  /** The failure and its position, once found. */
  get found(): (TextPosition & { message: string }) | undefined {
    return this.#found;
  }

  /** Where the text read so far ends (for a text that ended too early). */
  get end(): TextPosition {
    return { line: this.#line, column: this.#consumed - this.#lineStart + 1 };
  }

  /** Feeds the next chunk; returns true once the failure is found (the rest need not be read). */
  feed(chunk: string): boolean {
    if (this.#found) return true;
    const text = this.#consumed === 0 ? withoutByteOrderMark(chunk) : chunk;
    const good = Math.max(0, Math.min(text.length, this.#goodUntil - this.#consumed));
    if (good > 0) this.#advance(text.slice(0, good), true);
    for (let i = good; i < text.length; i += 1)
      if (this.#advance(text.charAt(i), false)) return true;
    return false;
  }

  /** Tokenizes a piece; returns true when it is the piece that fails. */
  #advance(piece: string, knownGood: boolean): boolean {
    try {
      this.#tokenize(piece);
    } catch (error) {
      if (knownGood) throw error;
      this.#found = {
        line: this.#line,
        column: this.#consumed - this.#lineStart + 1,
        message: error instanceof Error ? error.message : String(error),
      };
      return true;
    }
    for (let at = piece.indexOf('\n'); at >= 0; at = piece.indexOf('\n', at + 1)) {
      this.#line += 1;
      this.#lineStart = this.#consumed + at + 1;
    }
    this.#consumed += piece.length;
    return false;
  }
}
