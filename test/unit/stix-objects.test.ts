import { describe, expect, it } from 'vitest';
import { EXTENSION_ID, PRODUCER_ID, stixId } from '../../src/domain/stix.js';
import {
  externalReferences,
  incidentObjects,
  relationship,
  stixTimestamp,
} from '../../src/export/stix-objects.js';
import type { ExportIncident } from '../../src/export/row-checks.js';

const at = '2026-01-01T00:00:00.000Z';

describe('STIX ids', () => {
  it('are UUIDv5 of type and key: the same thing always gets the same id, different things differ', () => {
    const id = stixId('intrusion-set', 'sandworm');
    expect(id).toMatch(
      /^intrusion-set--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(stixId('intrusion-set', 'sandworm')).toBe(id);
    expect(stixId('campaign', 'sandworm')).not.toBe(id.replace('intrusion-set', 'campaign'));
    expect(stixId('intrusion-set', 'apt28')).not.toBe(id);
  });
});

describe('partial dates as STIX timestamps', () => {
  it('give the first or last instant of the period they cover', () => {
    expect(stixTimestamp('2022', 'first')).toBe('2022-01-01T00:00:00Z');
    expect(stixTimestamp('2022', 'last')).toBe('2022-12-31T23:59:59Z');
    expect(stixTimestamp('2024-02', 'last')).toBe('2024-02-29T23:59:59Z');
    expect(stixTimestamp('2015-12-23', 'first')).toBe('2015-12-23T00:00:00Z');
    expect(stixTimestamp(undefined, 'first')).toBeUndefined();
    expect(stixTimestamp('soon', 'first')).toBeUndefined();
  });
});

describe('external references', () => {
  it('name the publisher, or the host when the source names none', () => {
    const lookup = (url: string) =>
      url.includes('cisa')
        ? { url, title: 'Advisory', publisher: 'CISA' }
        : { url, title: null, publisher: null };
    expect(externalReferences(['https://www.cisa.gov/a', 'https://example.org/b'], lookup)).toEqual(
      [
        { source_name: 'CISA', url: 'https://www.cisa.gov/a', description: 'Advisory' },
        { source_name: 'example.org', url: 'https://example.org/b' },
      ],
    );
  });
});

describe('relationships', () => {
  it('declare our extension only when they carry its properties', () => {
    const plain = relationship('targets', 'incident--a', 'location--b', at);
    expect(plain.extensions).toBeUndefined();
    expect(plain.created_by_ref).toBe(PRODUCER_ID);
    const claim = relationship('attributed-to', 'incident--a', 'intrusion-set--b', at, {
      x_cig_status: 'SUSPECTED',
      confidence: null,
    });
    expect(claim.extensions).toEqual({
      [EXTENSION_ID]: { extension_type: 'toplevel-property-extension' },
    });
    expect('confidence' in claim).toBe(false);
  });
});

describe('an incident', () => {
  const row: ExportIncident = {
    key: 'blackout',
    props: {
      id: 'blackout',
      title: 'Blackout',
      startDate: '2015-12-01',
      endDate: '2016-01-31',
      datePrecision: 'MONTH',
      endPrecision: 'MONTH',
      attackTypes: ['WIPER'],
    },
    sectorIds: ['electricity'],
    countries: [
      { iso2: 'PL', primary: false },
      { iso2: 'UA', primary: true },
    ],
    organizationIds: [],
    organizationNames: [],
    campaignId: null,
    campaignName: null,
    sourceUrls: ['https://example.org/r'],
    claims: [
      {
        id: 'claim-1',
        actorId: 'sandworm',
        actorName: 'Sandworm',
        confidence: 85,
        status: 'RETRACTED',
        basis: 'GOVERNMENT',
        sourceUrls: [],
      },
    ],
    impactSourceUrls: [],
  };
  const [incident, ...edges] = incidentObjects(row, at, () => undefined);

  it('keeps its partial dates beside STIX timestamps, and its attack types', () => {
    expect(incident).toMatchObject({
      type: 'incident',
      id: stixId('incident', 'blackout'),
      name: 'Blackout',
      first_seen: '2015-12-01T00:00:00Z',
      last_seen: '2016-01-31T23:59:59Z',
      x_cig_start: '2015-12',
      x_cig_end: '2016-01',
      x_cig_attack_types: ['WIPER'],
      external_references: [{ source_name: 'example.org', url: 'https://example.org/r' }],
    });
  });

  it('targets the primary country first, and revokes a retracted claim while keeping its status', () => {
    const locations = edges.filter((e) => String(e.target_ref).startsWith('location--'));
    expect(locations.map((e) => [e.target_ref, e.x_cig_primary])).toEqual([
      [stixId('location', 'UA'), true],
      [stixId('location', 'PL'), false],
    ]);
    const claim = edges.find((e) => e.relationship_type === 'attributed-to');
    expect(claim).toMatchObject({
      id: stixId('relationship', 'claim:claim-1'),
      target_ref: stixId('intrusion-set', 'sandworm'),
      confidence: 85,
      revoked: true,
      x_cig_status: 'RETRACTED',
      x_cig_basis: 'GOVERNMENT',
    });
  });
});
