import { describe, expect, it } from 'vitest';
import { ImportInputError } from '../../src/import/input-error.js';
import { replacementCharacterNote } from '../../src/import/replacement-characters.js';
import { decodeHead, decodeText, isUtf8Encoding } from '../../src/import/text-encoding.js';
import { firstInvalidUtf16 } from '../../src/import/utf16-locator.js';
import { firstInvalidUtf8 } from '../../src/import/utf8-locator.js';

const TEXT = 'Title,Victim\nCafé attack,Société Générale\n€5m ransom,“Ørsted”\n';

const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();
const refusal = (decode: () => unknown): string => {
  try {
    decode();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportInputError);
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
};

describe('decodeText', () => {
  it('reads UTF-8, with or without a byte-order mark, and without --encoding', () => {
    expect(decodeText(Buffer.from(TEXT), 'a.csv', undefined)).toBe(TEXT);
    expect(decodeText(Buffer.from(`\uFEFF${TEXT}`), 'a.csv', undefined)).toBe(TEXT);
    expect(decodeText(Buffer.from(TEXT), 'a.csv', 'UTF8')).toBe(TEXT);
  });

  it('reads cp1252 and latin1 (as windows-1252, so € and curly quotes survive)', () => {
    const cp1252 = Buffer.from([
      0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35, 0x6d, 0x20, 0x93, 0xd8, 0x94,
    ]);
    for (const name of ['cp1252', 'windows-1252', 'Windows_1252', 'latin1', 'ISO-8859-1'])
      expect(decodeText(cp1252, 'a.csv', name)).toBe('Café €5m “Ø”');
  });

  it('reads UTF-16 in either byte order, from a byte-order mark or as named', () => {
    const le = Buffer.from(TEXT, 'utf16le');
    const be = utf16be(TEXT);
    expect(decodeText(le, 'a.csv', 'utf-16le')).toBe(TEXT);
    expect(decodeText(be, 'a.csv', 'UTF-16BE')).toBe(TEXT);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'a.csv', 'utf-16')).toBe(
      TEXT,
    );
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'a.csv', 'utf16')).toBe(TEXT);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'a.csv', 'utf-16le')).toBe(
      TEXT,
    );
  });

  it('refuses a file that is not UTF-8, naming the line, the byte and the bytes in hex', () => {
    const cp1252 = Buffer.concat([
      Buffer.from('Title,Date\nok,2024\nCaf'),
      Buffer.from([0xe9, 0x74]),
    ]);
    expect(refusal(() => decodeText(cp1252, 'x.csv', undefined))).toBe(
      'x.csv is not valid UTF-8: at line 3, byte 4 of the line (offset 22 in the file), 0xE9 0x74 is not a UTF-8 sequence; if it is in another encoding, name it with --encoding (cp1252 for files from Windows or Excel, latin1, utf-16…)',
    );
  });

  it('refuses a file that ends inside a UTF-8 sequence', () => {
    const cut = Buffer.from('a\nb €').subarray(0, -1);
    expect(refusal(() => decodeText(cut, 'x.csv', undefined))).toMatch(
      /line 2, byte 3 of the line \(offset 4 in the file\), the file ends in the middle of a UTF-8 sequence \(0xE2 0x82\)/,
    );
  });

  it('refuses a UTF-16 file read without --encoding, saying which to pass', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    expect(refusal(() => decodeText(le, 'x.csv', undefined))).toBe(
      'x.csv starts with a UTF-16LE byte-order mark, so it is not UTF-8: pass --encoding utf-16',
    );
    const bare = Buffer.from('Title,Date\n', 'utf16le');
    expect(refusal(() => decodeText(bare, 'x.csv', undefined))).toMatch(
      /holds a NUL character at line 1, column 2, .* is it UTF-16 without a byte-order mark\? Then pass --encoding utf-16le or utf-16be/,
    );
    expect(refusal(() => decodeText(bare, 'x.csv', 'utf-16'))).toMatch(
      /has no UTF-16 byte-order mark .* pass --encoding utf-16le or utf-16be/,
    );
  });

  it('refuses a byte-order mark that contradicts --encoding', () => {
    const utf8 = Buffer.from(`\uFEFF${TEXT}`);
    expect(refusal(() => decodeText(utf8, 'x.csv', 'cp1252'))).toBe(
      'x.csv starts with a UTF-8 byte-order mark, so it is not cp1252: leave out --encoding',
    );
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]);
    expect(refusal(() => decodeText(be, 'x.csv', 'utf-16le'))).toMatch(
      /UTF-16BE byte-order mark, so it is not utf-16le: pass --encoding utf-16be/,
    );
  });

  it('refuses UTF-16 that is not text: a lone surrogate, half a character', () => {
    const lone = Buffer.concat([
      Buffer.from('a\nb', 'utf16le'),
      Buffer.from([0x00, 0xd8, 0x41, 0x00]),
    ]);
    expect(refusal(() => decodeText(lone, 'x.csv', 'utf-16le'))).toBe(
      'x.csv is not valid UTF-16LE: line 2, offset 6 in the file: a surrogate without its pair (0x00 0xD8)',
    );
    const odd = Buffer.concat([Buffer.from('ab', 'utf16le'), Buffer.from([0x63])]);
    expect(refusal(() => decodeText(odd, 'x.csv', 'utf-16le'))).toMatch(
      /line 1, offset 4 in the file: the file ends with half a character \(0x63\)/,
    );
  });

  it('refuses an unknown encoding, listing the supported ones', () => {
    expect(refusal(() => decodeText(Buffer.from(TEXT), 'x.csv', 'ebcdic'))).toBe(
      'unknown --encoding "ebcdic": supported are utf-8, latin1 (iso-8859-1), cp1252 (windows-1252), utf-16, utf-16le, utf-16be',
    );
    expect(() => isUtf8Encoding('koi8-r')).toThrow(/unknown --encoding "koi8-r"/);
    expect(isUtf8Encoding(undefined)).toBe(true);
    expect(isUtf8Encoding('cp1252')).toBe(false);
  });
});

describe('decodeHead', () => {
  it('decodes a start cut mid-character for detection, in the encoding named', () => {
    expect(decodeHead(Buffer.from('{"a": "€').subarray(0, -1), 'x.json', undefined)).toBe(
      '{"a": "\uFFFD',
    );
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"type"', 'utf16le')]);
    expect(decodeHead(le, 'x.json', 'utf-16')).toBe('{"type"');
  });
});

describe('firstInvalidUtf8', () => {
  it('accepts every valid sequence and finds overlong forms, surrogates and stray bytes', () => {
    expect(firstInvalidUtf8(Buffer.from('aé€𝄞\n'))).toBeUndefined();
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toMatchObject({
      offset: 1,
      bytes: [0xc0],
    });
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toMatchObject({
      bytes: [0xed, 0xa0],
    });
    expect(firstInvalidUtf8(Buffer.from([0x0a, 0x0a, 0x80]))).toMatchObject({
      line: 3,
      byteOfLine: 1,
      offset: 2,
      cutShort: false,
    });
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toMatchObject({
      bytes: [0xf4, 0x90],
    });
  });
});

describe('firstInvalidUtf16', () => {
  it('accepts surrogate pairs and finds a lone low surrogate', () => {
    expect(firstInvalidUtf16(Buffer.from('a𝄞b', 'utf16le'), true)).toBeUndefined();
    expect(firstInvalidUtf16(Buffer.from([0xdc, 0x00]), false)).toMatchObject({
      offset: 0,
      problem: 'unpaired surrogate',
    });
  });
});

describe('replacementCharacterNote', () => {
  it('names the lines holding U+FFFD, and says nothing of a text without', () => {
    expect(replacementCharacterNote(TEXT, 'a.csv')).toBeUndefined();
    const note = replacementCharacterNote('a\nCaf\uFFFD\nb\n\uFFFD\uFFFD\n', 'a.csv');
    expect(note).toMatch(/^a\.csv: 2 lines hold U\+FFFD.*\(lines 2, 4\); stored as found/);
  });

  it('names the first ten lines and counts the rest', () => {
    const text = Array.from({ length: 13 }, (_, i) => `row ${i + 1} \uFFFD`).join('\n');
    expect(replacementCharacterNote(text, 'a.csv')).toMatch(
      /13 lines hold .*\(lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 3 more\)/,
    );
  });
});
