import { describe, expect, it } from 'vitest';
import { writePasses } from '../../src/import/run-import.js';

describe('writePasses', () => {
  it('writes a file in dependency order in one reading', () => {
    expect(writePasses(['sources', 'actors', 'campaigns', 'organizations', 'incidents'])).toEqual([
      ['sources', 'actors', 'campaigns', 'organizations', 'incidents'],
    ]);
  });

  it('leaves incidents to a second reading when something they link to comes after them', () => {
    // The order of `cig export` and of `cig generate`.
    expect(writePasses(['incidents', 'actors', 'campaigns', 'organizations', 'sources'])).toEqual([
      ['actors', 'campaigns', 'organizations', 'sources'],
      ['incidents'],
    ]);
    expect(writePasses(['actors', 'campaigns', 'organizations', 'incidents', 'sources'])).toEqual([
      ['actors', 'campaigns', 'organizations', 'sources'],
      ['incidents'],
    ]);
  });

  it('does not wait for a kind the file does not have', () => {
    expect(writePasses(['incidents', 'sources'])).toEqual([['sources'], ['incidents']]);
    expect(writePasses(['incidents'])).toEqual([['incidents']]);
  });
});
