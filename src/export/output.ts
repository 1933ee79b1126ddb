import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes with backpressure: a slow reader slows the export instead of filling memory. */
export async function put(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}
