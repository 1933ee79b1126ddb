import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { cannotRead } from './input-error.js';

/** The SHA-256 (hex) of bytes read whole, in order: what an import's audit records name it by. */
export function sha256Of(parts: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/** The SHA-256 (hex) of a file, streamed, so a file of any size takes a chunk of memory. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) hash.update(chunk);
  } catch (error) {
    throw cannotRead(file, error);
  }
  return hash.digest('hex');
}
