import { describe, expect, it } from 'vitest';
import { datasetName } from '../../src/import/dataset-name.js';
import { ImportInputError } from '../../src/import/input-error.js';

describe("an import's dataset", () => {
  it("is named by --dataset-name, else by the file's name, and keyed by the name's slug", () => {
    expect(datasetName('exports/cyberpeace-2023.json', undefined)).toEqual({
      id: 'cyberpeace-2023-json',
      name: 'cyberpeace-2023.json',
    });
    expect(datasetName('a.json', ' CyberPeace Tracker ')).toEqual({
      id: 'cyberpeace-tracker',
      name: 'CyberPeace Tracker',
    });
  });

  it('refuses a name without a letter or digit, or too long to be a name', () => {
    expect(() => datasetName('a.json', '!!!')).toThrow(ImportInputError);
    expect(() => datasetName('a.json', '!!!')).toThrow('--dataset-name "!!!" names no dataset');
    expect(() => datasetName('a.json', 'x'.repeat(201))).toThrow('at most 200');
  });
});
