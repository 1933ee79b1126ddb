/**
 * The credential the analyst pasted, kept for this browser tab only (sessionStorage): closing the
 * tab signs out, and no other site can read it. A JWT (three dot-separated parts) goes as a bearer
 * token, anything else as an API key, the two ways the API accepts.
 */
export interface Credential {
  kind: 'token' | 'apiKey';
  value: string;
}

const storageKey = 'cig.credential';

export function credentialOf(pasted: string): Credential | null {
  const value = pasted.trim().replace(/^Bearer\s+/i, '');
  if (value === '') return null;
  return { kind: value.split('.').length === 3 ? 'token' : 'apiKey', value };
}

export function storedCredential(): Credential | null {
  const raw = sessionStorage.getItem(storageKey);
  if (raw === null) return null;
  return credentialOf(raw);
}

export function storeCredential(credential: Credential | null): void {
  if (credential === null) sessionStorage.removeItem(storageKey);
  else sessionStorage.setItem(storageKey, credential.value);
}

export function credentialHeaders(credential: Credential | null): Record<string, string> {
  if (credential === null) return {};
  return credential.kind === 'token'
    ? { authorization: `Bearer ${credential.value}` }
    : { 'x-api-key': credential.value };
}
