/** Where UTF-16 bytes stop being text: a surrogate without its pair, or half a code unit at the end. */
export interface InvalidUtf16 {
  /** 1-based line of the file. */
  line: number;
  /** 0-based byte offset in the file. */
  offset: number;
  /** The code unit (or the lone byte at the end) as it is in the file. */
  bytes: number[];
  problem: 'unpaired surrogate' | 'odd number of bytes';
}

const LINE_FEED = 0x000a;
const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** The first place UTF-16 bytes (in the byte order given) are not text; undefined when they all are. */
export function firstInvalidUtf16(
  bytes: Uint8Array,
  littleEndian: boolean,
): InvalidUtf16 | undefined {
  const unitAt = (offset: number): number => {
    const first = bytes[offset] ?? 0;
    const second = bytes[offset + 1] ?? 0;
    return littleEndian ? first | (second << 8) : (first << 8) | second;
  };
  let line = 1;
  const whole = bytes.length - (bytes.length % 2);
  for (let offset = 0; offset < whole; offset += 2) {
    const unit = unitAt(offset);
    if (unit === LINE_FEED) line += 1;
    if (isHigh(unit) && offset + 2 < whole && isLow(unitAt(offset + 2))) {
      offset += 2;
      continue;
    }
    if (isHigh(unit) || isLow(unit)) {
      return {
        line,
        offset,
        bytes: [bytes[offset] ?? 0, bytes[offset + 1] ?? 0],
        problem: 'unpaired surrogate',
      };
    }
  }
  if (whole === bytes.length) return undefined;
  return { line, offset: whole, bytes: [bytes[whole] ?? 0], problem: 'odd number of bytes' };
}
