import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/import/formats.js';
import { slugify } from '../../src/import/slug.js';

describe('detectFormat', () => {
  it('tells the formats apart by extension and shape', () => {
    expect(detectFormat('export.CSV', 'a,b')).toBe('csv');
    expect(detectFormat('x.json', '{"format": "cig-dataset/1", "incidents": []}')).toBe('json');
    expect(detectFormat('x.json', '{"type": "bundle", "id": "bundle--1", "objects": []}')).toBe(
      'stix',
    );
    expect(detectFormat('x.json', '{"name": "Threat Actor", "uuid": "u", "values": []}')).toBe(
      'misp',
    );
    expect(detectFormat('x.json', '{"hello": 1}')).toBeUndefined();
  });
});

describe('slugify', () => {
  it('makes lowercase ids from names', () => {
    expect(slugify('APT 28')).toBe('apt-28');
    expect(slugify('Café Bear!')).toBe('cafe-bear');
    expect(slugify('  ')).toBe('');
  });
});
