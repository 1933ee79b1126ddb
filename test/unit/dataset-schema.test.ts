import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { datasetJsonSchema } from '../../src/import/native/json-schema.js';
import { projectRoot } from '../../src/paths.js';

const committed = JSON.parse(
  readFileSync(path.join(projectRoot, 'schema/dataset.schema.json'), 'utf8'),
) as Record<string, unknown>;

describe('schema/dataset.schema.json', () => {
  it('is what the zod definition generates (run `npm run schema:dataset` after changing the format)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(datasetJsonSchema())));
  });

  it('accepts the fixtures and every seed file, as a standard JSON Schema validator reads it', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(committed);
    const dir = path.join(projectRoot, 'seeds/dataset');
    const files = [
      path.join(projectRoot, 'test/fixtures/native/small.json'),
      ...readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => path.join(dir, f)),
    ];
    for (const file of files) {
      const ok = validate(JSON.parse(readFileSync(file, 'utf8')));
      expect(validate.errors ?? [], file).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('rejects what the format forbids', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(committed);
    expect(
      validate({
        format: 'cig-dataset/1',
        incidents: [{ id: 'x', title: 't', startDate: '2022', sources: [] }],
      }),
    ).toBe(false);
    expect(validate({ format: 'other' })).toBe(false);
  });
});
