import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staged, stagedFile, toFile } from '../../src/cli/staged-files.js';
import { put } from '../../src/export/output.js';

const folder = () => mkdtemp(path.join(tmpdir(), 'cig-staged-'));

describe('staged files', () => {
  it('appear under their names only once written whole', async () => {
    const dir = await folder();
    const files = ['a.csv', 'b.csv'].map((name) => stagedFile(path.join(dir, name)));
    await staged(files, async () => {
      for (const file of files) {
        await toFile(file.temporary, (out) => put(out, `rows of ${path.basename(file.target)}`));
        expect(await readdir(dir)).not.toContain(path.basename(file.target));
      }
    });
    expect((await readdir(dir)).sort()).toEqual(['a.csv', 'b.csv']);
    expect(await readFile(path.join(dir, 'b.csv'), 'utf8')).toBe('rows of b.csv');
  });

  it('leave nothing behind, and what was there untouched, when the writing fails midway', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'export.json'), 'the last good export');
    const file = stagedFile(path.join(dir, 'export.json'));
    const failing = staged([file], () =>
      toFile(file.temporary, async (out) => {
        await put(out, '{"format": "cig-dataset/1", "incidents": [');
        throw new Error('the database went away');
      }),
    );
    await expect(failing).rejects.toThrow('the database went away');
    expect(await readdir(dir)).toEqual(['export.json']);
    expect(await readFile(path.join(dir, 'export.json'), 'utf8')).toBe('the last good export');
  });

  it('report a file that cannot be written, leaving nothing', async () => {
    const dir = await folder();
    const file = stagedFile(path.join(dir, 'missing-folder', 'export.json'));
    await expect(
      staged([file], () => toFile(file.temporary, () => Promise.resolve())),
    ).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });
});
