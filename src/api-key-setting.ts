import { createHash } from 'node:crypto';
import { roles, type Role } from './domain/roles.js';

export interface ApiKey {
  name: string;
  role: Role;
  /** SHA-256 of the key: compared in constant time, never kept or logged in clear. */
  digest: Buffer;
}

const MIN_KEY_LENGTH = 24;

/** What a key is kept and compared as. */
export const apiKeyDigest = (key: string): Buffer =>
  createHash('sha256').update(key, 'utf8').digest();

/**
 * `AUTH_API_KEYS`: comma-separated `name:role:key` entries, for small deployments without an
 * identity provider. Returns the problems instead of throwing so configuration errors can be
 * reported together; no problem message repeats a key.
 */
export function parseApiKeys(text: string): { keys: ApiKey[]; problems: string[] } {
  const keys: ApiKey[] = [];
  const problems: string[] = [];
  text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .forEach((entry, index) => {
      const [name = '', role = '', ...rest] = entry.split(':');
      const key = rest.join(':');
      const where = `entry ${index + 1}${name ? ` (${name})` : ''}`;
      if (!/^[\w.@-]+$/.test(name)) problems.push(`${where}: a name of letters, digits, . _ @ -`);
      else if (!(roles as readonly string[]).includes(role))
        problems.push(`${where}: role must be one of ${roles.join(', ')}`);
      else if (key.length < MIN_KEY_LENGTH)
        problems.push(`${where}: the key must be at least ${MIN_KEY_LENGTH} characters`);
      else if (keys.some((k) => k.name === name)) problems.push(`${where}: the name is used twice`);
      else keys.push({ name, role: role as Role, digest: apiKeyDigest(key) });
    });
  return { keys, problems };
}
