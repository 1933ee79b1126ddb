import { timingSafeEqual } from 'node:crypto';
import { apiKeyDigest, type ApiKey } from '../api-key-setting.js';

/** The key's entry, comparing digests in constant time against every key (no early exit). */
export function matchApiKey(keys: readonly ApiKey[], presented: string): ApiKey | undefined {
  const digest = apiKeyDigest(presented);
  let found: ApiKey | undefined;
  for (const key of keys) if (timingSafeEqual(key.digest, digest)) found = key;
  return found;
}
