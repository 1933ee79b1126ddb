/** The longest country name counts eight words ("United Kingdom of Great Britain and Northern Ireland"). */
const MAX_WORDS = 8;

/**
 * Codes that free text uses as names. Any other two- or three-letter word is not read as a code:
 * "and", "per", "can" and "IT" are Andorra, Peru, Canada and Italy only to a code table.
 */
const CODES_IN_PROSE = new Set(['US', 'UK', 'USA', 'UAE', 'PRC', 'DRC']);

/** Punctuation around a word that is not part of a name ("(Ukraine),", "Ukraine's"). */
const TRIM = /^[\s"“”‘’'([{,;:]+|[\s"“”‘’')\]},;:!?]+$|['’]s$/g;

/**
 * The phrases of free text that name a country ("Government agencies in Ukraine and Poland" →
 * "Ukraine", "Poland"), in order of appearance: at each word the longest phrase `isName` accepts
 * wins and its words are not read again.
 */
export function findCountryNames(text: string, isName: (phrase: string) => boolean): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const found: string[] = [];
  for (let at = 0; at < words.length;) {
    const name = longestNameAt(words, at, isName);
    if (!name) {
      at += 1;
      continue;
    }
    found.push(name.text);
    at += name.words;
  }
  return found;
}

function longestNameAt(
  words: readonly string[],
  at: number,
  isName: (phrase: string) => boolean,
): { text: string; words: number } | undefined {
  for (let length = Math.min(MAX_WORDS, words.length - at); length > 0; length -= 1) {
    const candidate = phrase(words.slice(at, at + length));
    // "U.S." keeps its full stop; "Poland." at a sentence's end loses it.
    const text = [candidate, candidate.replace(/\.$/, '')].find(
      (c) => c !== '' && !looksLikeACode(c) && isName(c),
    );
    if (text !== undefined) return { text, words: length };
  }
  return undefined;
}

/** The words as one phrase, without the punctuation of the sentence around them. */
function phrase(words: readonly string[]): string {
  // Trimmed until nothing changes: "(Moldova's)," loses its comma, bracket, then possessive.
  let text = words.join(' ');
  for (let trimmed = text.replace(TRIM, ''); trimmed !== text; trimmed = text.replace(TRIM, ''))
    text = trimmed;
  return text;
}

function looksLikeACode(candidate: string): boolean {
  return /^[A-Za-z]{2,3}$/.test(candidate) && !CODES_IN_PROSE.has(candidate);
}
