/** Where a byte sequence that is not UTF-8 starts, and its bytes as they are in the file. */
export interface InvalidSequence {
  /** 1-based line of the file. */
  line: number;
  /** 1-based byte of that line where the sequence starts. */
  byteOfLine: number;
  /** 0-based byte offset in the file, as a hex editor shows it. */
  offset: number;
  /** The sequence's lead byte up to and including the first byte that does not fit it. */
  bytes: number[];
  /** Whether the file ends in the middle of the sequence. */
  cutShort: boolean;
}

const LINE_FEED = 0x0a;

/**
 * The continuation bytes a lead byte needs, and the range the first of them must fall in (which
 * excludes overlong forms, surrogates and code points past U+10FFFF); undefined for a byte that
 * cannot start a sequence.
 */
function sequenceOf(lead: number): { length: number; low: number; high: number } | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 1, low: 0x80, high: 0xbf };
  if (lead === 0xe0) return { length: 2, low: 0xa0, high: 0xbf };
  if (lead === 0xed) return { length: 2, low: 0x80, high: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { length: 2, low: 0x80, high: 0xbf };
  if (lead === 0xf0) return { length: 3, low: 0x90, high: 0xbf };
  if (lead >= 0xf1 && lead <= 0xf3) return { length: 3, low: 0x80, high: 0xbf };
  if (lead === 0xf4) return { length: 3, low: 0x80, high: 0x8f };
  return undefined;
}

/**
 * Finds the first byte sequence that is not UTF-8 in bytes fed chunk by chunk (a sequence may
 * straddle two chunks). Used once a fast check has said the bytes are not UTF-8, to say where.
 */
export class Utf8Locator {
  found: InvalidSequence | undefined;
  #offset = 0;
  #line = 1;
  #lineStart = 0;
  /** The sequence begun and not yet complete, and what it still needs. */
  #pending: { start: number; bytes: number[]; left: number; low: number; high: number } | null =
    null;

  /** Feeds the next bytes; true once the invalid sequence is found. */
  feed(chunk: Uint8Array): boolean {
    for (let i = 0; i < chunk.length && !this.found; i += 1, this.#offset += 1) {
      this.#take(chunk[i] ?? 0);
    }
    return this.found !== undefined;
  }

  /** The end of the bytes: a sequence still open there is cut short. */
  end(): InvalidSequence | undefined {
    if (!this.found && this.#pending) this.#fail(this.#pending.start, this.#pending.bytes, true);
    return this.found;
  }

  #take(byte: number): void {
    const pending = this.#pending;
    if (pending) {
      if (byte < pending.low || byte > pending.high) {
        this.#fail(pending.start, [...pending.bytes, byte], false);
        return;
      }
      pending.bytes.push(byte);
      pending.left -= 1;
      pending.low = 0x80;
      pending.high = 0xbf;
      if (pending.left === 0) this.#pending = null;
      return;
    }
    if (byte < 0x80) {
      if (byte === LINE_FEED) {
        this.#line += 1;
        this.#lineStart = this.#offset + 1;
      }
      return;
    }
    const sequence = sequenceOf(byte);
    if (!sequence) {
      this.#fail(this.#offset, [byte], false);
      return;
    }
    this.#pending = {
      start: this.#offset,
      bytes: [byte],
      left: sequence.length,
      low: sequence.low,
      high: sequence.high,
    };
  }

  #fail(start: number, bytes: number[], cutShort: boolean): void {
    this.found = {
      line: this.#line,
      byteOfLine: start - this.#lineStart + 1,
      offset: start,
      bytes,
      cutShort,
    };
  }
}

/** The first sequence that is not UTF-8 in bytes held whole. */
export function firstInvalidUtf8(bytes: Uint8Array): InvalidSequence | undefined {
  const locator = new Utf8Locator();
  locator.feed(bytes);
  return locator.end();
}
