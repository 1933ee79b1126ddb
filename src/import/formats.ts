import path from 'node:path';

export const importFormats = ['json', 'csv', 'misp', 'stix', 'cyberpeace', 'eurepoc'] as const;
export type ImportFormat = (typeof importFormats)[number];

/**
 * Guesses the format from the file: CSV by extension; JSON by its shape (a native dataset names
 * its format, a STIX bundle has type "bundle", a MISP galaxy cluster has "values"). `--format`
 * overrides the guess.
 */
export function detectFormat(file: string, text: string): ImportFormat | undefined {
  if (path.extname(file).toLowerCase() === '.csv') return 'csv';
  const head = text.slice(0, 4096);
  if (/"format"\s*:\s*"cig-dataset\//.test(head)) return 'json';
  if (/"type"\s*:\s*"bundle"/.test(head)) return 'stix';
  if (/"values"\s*:\s*\[/.test(text.slice(0, 100_000)) && /"uuid"\s*:/.test(head)) return 'misp';
  return undefined;
}
