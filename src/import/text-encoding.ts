import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { ImportInputError } from './input-error.js';
import { firstInvalidUtf16 } from './utf16-locator.js';
import { Utf8Locator, type InvalidSequence } from './utf8-locator.js';

/**
 * The decoders `--encoding` names. latin1 (ISO-8859-1) decodes as windows-1252, its superset, as
 * browsers do: its bytes 0x80–0x9F are control characters no text uses, and a file said to be
 * latin1 that holds them is windows-1252 (€, curly quotes). `utf-16` reads the byte order from the
 * file's byte-order mark.
 */
type Decoding = 'utf-8' | 'windows-1252' | 'utf-16' | 'utf-16le' | 'utf-16be';

/** The names `--encoding` accepts, compared without case, hyphens, underscores or spaces. */
const decodings: ReadonlyMap<string, Decoding> = new Map([
  ['utf8', 'utf-8'],
  ['latin1', 'windows-1252'],
  ['iso88591', 'windows-1252'],
  ['cp1252', 'windows-1252'],
  ['windows1252', 'windows-1252'],
  ['utf16', 'utf-16'],
  ['utf16le', 'utf-16le'],
  ['utf16be', 'utf-16be'],
]);

const supportedEncodings = [
  'utf-8',
  'latin1 (iso-8859-1)',
  'cp1252 (windows-1252)',
  'utf-16',
  'utf-16le',
  'utf-16be',
] as const;

const HINT =
  'if it is in another encoding, name it with --encoding (cp1252 for files from Windows or Excel, latin1, utf-16…)';

/** The decoding a name given to `--encoding` stands for; UTF-8 when none is given. */
function decodingNamed(name: string | undefined): Decoding {
  if (name === undefined) return 'utf-8';
  const decoding = decodings.get(name.toLowerCase().replace(/[-_\s]/g, ''));
  if (!decoding)
    throw new ImportInputError(
      `unknown --encoding "${name}": supported are ${supportedEncodings.join(', ')}`,
    );
  return decoding;
}

/** Whether `--encoding` (or its absence) means UTF-8; an unknown name is refused. */
export function isUtf8Encoding(name: string | undefined): boolean {
  return decodingNamed(name) === 'utf-8';
}

type ByteOrderMark = 'utf-8' | 'utf-16le' | 'utf-16be';

function byteOrderMarkOf(bytes: Uint8Array): ByteOrderMark | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * The decoding a file is read with: the one named, checked against the file's byte-order mark (a
 * mark says what the file is; a file that says otherwise than `--encoding` is refused, not
 * mangled), with `utf-16`'s byte order taken from its mark.
 */
function decodingFor(bytes: Uint8Array, file: string, name: string | undefined): Decoding {
  const decoding = decodingNamed(name);
  const mark = byteOrderMarkOf(bytes);
  if (decoding === 'utf-16') {
    if (mark === 'utf-16le' || mark === 'utf-16be') return mark;
    throw new ImportInputError(
      `${file} has no UTF-16 byte-order mark to tell its byte order: pass --encoding utf-16le or utf-16be`,
    );
  }
  if (mark && mark !== decoding) {
    const fix =
      mark === 'utf-8'
        ? 'leave out --encoding'
        : `pass --encoding ${mark === 'utf-16le' ? 'utf-16' : mark}`;
    throw new ImportInputError(
      `${file} starts with a ${mark.toUpperCase()} byte-order mark, so it is not ${name ?? 'UTF-8'}: ${fix}`,
    );
  }
  return decoding;
}

/**
 * What windows-1252 has at 0x80–0x9F, where latin1 has control characters (the five bytes it
 * leaves undefined stay those control characters, as the WHATWG encoding standard says). Node's
 * TextDecoder reads "windows-1252" as latin1, so the table is ours.
 */
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function windows1252(bytes: Buffer): string {
  return bytes
    .toString('latin1')
    .replace(/[\x80-\x9F]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

const hex = (bytes: readonly number[]): string =>
  bytes.map((byte) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');

function notUtf8(file: string, at: InvalidSequence): ImportInputError {
  const what = at.cutShort
    ? `the file ends in the middle of a UTF-8 sequence (${hex(at.bytes)})`
    : `${hex(at.bytes)} is not a UTF-8 sequence`;
  return new ImportInputError(
    `${file} is not valid UTF-8: at line ${at.line}, byte ${at.byteOfLine} of the line (offset ${at.offset} in the file), ${what}; ${HINT}`,
  );
}

function notUtf16(file: string, bytes: Uint8Array, decoding: Decoding): ImportInputError {
  const at = firstInvalidUtf16(bytes, decoding === 'utf-16le');
  const where = at
    ? `line ${at.line}, offset ${at.offset} in the file: ${at.problem === 'odd number of bytes' ? 'the file ends with half a character' : 'a surrogate without its pair'} (${hex(at.bytes)})`
    : 'bytes that are not text';
  return new ImportInputError(`${file} is not valid ${decoding.toUpperCase()}: ${where}`);
}

/** The text, unless it holds a NUL character, which is never text: most often UTF-16 read as UTF-8. */
function refuseNul(text: string, file: string, decoding: Decoding, named: boolean): string {
  const at = text.indexOf('\0');
  if (at === -1) return text;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  const hint = named
    ? ''
    : ': is it UTF-16 without a byte-order mark? Then pass --encoding utf-16le or utf-16be';
  throw new ImportInputError(
    `${file} holds a NUL character at line ${line}, column ${column}, which is not text in ${decoding.toUpperCase()}${hint}`,
  );
}

/**
 * Bytes of an import file → its text, in the encoding `--encoding` names (UTF-8 when none).
 * Nothing is decoded by guess: bytes that are not text in that encoding refuse the whole file
 * (ImportInputError), naming the line and byte of the first, so no character is stored as U+FFFD
 * in its place. A byte-order mark is dropped; one of another encoding than the one named refuses
 * the file.
 */
export function decodeText(bytes: Buffer, file: string, encoding: string | undefined): string {
  const decoding = decodingFor(bytes, file, encoding);
  if (decoding === 'windows-1252') return refuseNul(windows1252(bytes), file, decoding, true);
  let text: string;
  try {
    text = new TextDecoder(decoding, { fatal: true }).decode(bytes);
  } catch {
    if (decoding !== 'utf-8') throw notUtf16(file, bytes, decoding);
    const locator = new Utf8Locator();
    locator.feed(bytes);
    const at = locator.end();
    throw at ? notUtf8(file, at) : new ImportInputError(`${file} is not valid UTF-8; ${HINT}`);
  }
  return refuseNul(text, file, decoding, encoding !== undefined);
}

/**
 * The start of a file, decoded for format detection only: leniently (a character cut at the end
 * is no reason to fail), but a byte-order mark that contradicts `--encoding` is refused already.
 */
export function decodeHead(bytes: Buffer, file: string, encoding: string | undefined): string {
  const decoding = decodingFor(bytes, file, encoding);
  return decoding === 'windows-1252' ? windows1252(bytes) : new TextDecoder(decoding).decode(bytes);
}

/**
 * The text of a UTF-8 file read chunk by chunk (a native dataset, however large): a file that is
 * not UTF-8 is refused (ImportInputError) with the line and byte of its first bad sequence, found
 * by a second reading once the decoder has failed.
 */
export async function* utf8Chunks(file: string, chunkBytes: number): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const stream = createReadStream(file, { highWaterMark: chunkBytes });
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      // A UTF-16 file is refused with the hint its byte-order mark allows.
      if (first) decodingFor(chunk, file, undefined);
      first = false;
      const text = decodeChunk(decoder, chunk);
      if (text === undefined) throw await notUtf8File(file, chunkBytes);
      yield text;
    }
    const rest = decodeChunk(decoder, undefined);
    if (rest === undefined) throw await notUtf8File(file, chunkBytes);
    if (rest) yield rest;
  } finally {
    stream.destroy();
  }
}

/** A chunk decoded, the end of the stream when `chunk` is undefined; undefined if not UTF-8. */
function decodeChunk(decoder: TextDecoder, chunk: Buffer | undefined): string | undefined {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
  } catch {
    return undefined;
  }
}

async function notUtf8File(file: string, chunkBytes: number): Promise<ImportInputError> {
  const locator = new Utf8Locator();
  const stream = createReadStream(file, { highWaterMark: chunkBytes });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) if (locator.feed(chunk)) break;
  } finally {
    stream.destroy();
  }
  const at = locator.end();
  return at ? notUtf8(file, at) : new ImportInputError(`${file} is not valid UTF-8; ${HINT}`);
}
