import path from 'node:path';

export const importFormats = ['json', 'csv', 'misp', 'stix', 'cyberpeace', 'eurepoc'] as const;
export type ImportFormat = (typeof importFormats)[number];

/**
 * Guesses the format from the file: CSV by extension (the EuRepoC release's recognised by its
 * header); JSON by its shape (a native dataset names its format, a STIX bundle has type "bundle",
 * a MISP galaxy cluster has "values", a CyberPeace export is an array of records with an "event"
 * holding "_key" and "eventName"). `--format`
 * overrides the guess.
 */
export function detectFormat(file: string, text: string): ImportFormat | undefined {
  if (path.extname(file).toLowerCase() === '.csv') return isEurepocHeader(text) ? 'eurepoc' : 'csv';
  const head = text.slice(0, 4096);
  if (/"format"\s*:\s*"cig-dataset\//.test(head)) return 'json';
  if (/"type"\s*:\s*"bundle"/.test(head)) return 'stix';
  if (/"values"\s*:\s*\[/.test(text.slice(0, 100_000)) && /"uuid"\s*:/.test(head)) return 'misp';
  if (isCyberPeaceExport(text.slice(0, 100_000))) return 'cyberpeace';
  return undefined;
}

/** An array whose first record has an "event" object with the platform's "_key" and "eventName". */
function isCyberPeaceExport(head: string): boolean {
  return (
    /^\s*\[\s*\{/.test(head) &&
    /"event"\s*:\s*\{/.test(head) &&
    /"_key"\s*:/.test(head) &&
    /"eventName"\s*:/.test(head)
  );
}

/** The EuRepoC release's incident and attribution files name their columns unmistakably. */
function isEurepocHeader(text: string): boolean {
  const header = text
    .slice(0, text.search(/\r?\n|$/))
    .split(',')
    .map((name) => name.trim());
  return (
    (header.includes('incident_type') && header.includes('receiver_country')) ||
    (header.includes('attribution_ID') && header.includes('attributed_initiator'))
  );
}
