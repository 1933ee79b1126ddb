import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/** A file written under a temporary name beside its target, so that a reader never sees it half-done. */
export interface StagedFile {
  target: string;
  temporary: string;
}
export const stagedFile = (target: string): StagedFile => ({
  target,
  temporary: path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`),
});

/**
 * Runs `write`, which writes the files' temporaries, then renames each into place; if `write`
 * fails, the temporaries are removed and the targets stay as they were.
 */
export async function staged<T>(files: StagedFile[], write: () => Promise<T>): Promise<T> {
  try {
    const result = await write();
    for (const file of files) await rename(file.temporary, file.target);
    return result;
  } catch (error) {
    await Promise.all(files.map((file) => rm(file.temporary, { force: true })));
    throw error;
  }
}

/**
 * Writes a file through a stream, to the end; a failure of either the writer or the file (a full
 * disk) rejects, with the stream destroyed.
 */
export async function toFile<T>(file: string, write: (out: Writable) => Promise<T>): Promise<T> {
  const out = createWriteStream(file);
  await once(out, 'open');
  const broken = new Promise<never>((_resolve, reject) => out.once('error', reject));
  // Once the writer is done, `finished` reports the stream's errors; this one is then unheard.
  broken.catch(() => undefined);
  try {
    const result = await Promise.race([write(out), broken]);
    out.end();
    await finished(out);
    return result;
  } catch (error) {
    out.destroy();
    throw error;
  }
}
