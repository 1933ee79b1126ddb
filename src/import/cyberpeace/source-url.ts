/** A host name followed by nothing, a port, a path, a query or a fragment: "t.me/channel". */
const SCHEMELESS = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#]|$)/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * A source link as the platform writes it → an http(s) URL: links written without a scheme
 * ("t.me/channel/123", "www.example.org/x") are given https://; anything that cannot be a web
 * address is refused with the reason.
 */
export function normaliseSourceUrl(text: string): { url: string } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'an empty link' };
  if (/\s/.test(trimmed)) return { error: 'not a URL (it holds spaces)' };
  const candidate = SCHEME.test(trimmed)
    ? trimmed
    : SCHEMELESS.test(trimmed)
      ? `https://${trimmed}`
      : undefined;
  if (candidate === undefined) return { error: 'not a URL' };
  let parsed: URL;
  try {
    parsed = new URL(candidate);
  } catch {
    return { error: 'not a URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return { error: 'not an http(s) URL' };
  if (!parsed.hostname.includes('.')) return { error: 'not a URL (no host name)' };
  return { url: candidate };
}
