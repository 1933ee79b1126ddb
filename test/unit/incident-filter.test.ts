import { describe, expect, it } from 'vitest';
import { countConnectionCypher } from '../../src/repositories/count-repository.js';
import { incidentMatch } from '../../src/repositories/incident-filter.js';
import { incidentListCypher } from '../../src/repositories/incident-repository.js';
import { victimologyMatch } from '../../src/repositories/victimology-filter.js';

describe('the incident filter, as Cypher', () => {
  it('adds nothing for an empty filter', () => {
    expect(incidentMatch({})).toEqual({ match: 'MATCH (i:Incident)', where: [], params: {} });
  });

  it('puts every claim condition on one and the same attribution, values as parameters', () => {
    const built = incidentMatch({
      actorIds: ['apt28'],
      minConfidence: 50,
      attributionStatuses: ['ATTRIBUTED'],
      originCountryCodes: ['RU'],
      crossBorder: true,
    });
    expect(built.where).toMatchSnapshot();
    expect(built.params).toEqual({
      f_actorIds: ['apt28'],
      f_minConfidence: 50,
      f_attributionStatuses: ['ATTRIBUTED'],
      f_originCountryCodes: ['RU'],
    });
    expect(built.where.join(' ')).not.toContain('apt28');
  });

  it('restricts by dataset, region and impact category, values as parameters', () => {
    const built = incidentMatch({
      datasetIds: ['cyberpeace'],
      regions: { countryCodes: ['PL', 'UA'], names: ['eastern europe'] },
      impactCategories: ['DATA'],
    });
    expect(built.where).toMatchSnapshot();
    expect(built.params).toEqual({
      f_datasetIds: ['cyberpeace'],
      f_regionCountries: ['PL', 'UA'],
      f_regionNames: ['eastern europe'],
      f_impactCategories: ['DATA'],
    });
  });

  it('reads attributed as a standing claim that meets the other claim conditions', () => {
    const attributed = incidentMatch({ attributed: true, minConfidence: 50 });
    expect(attributed.where).toEqual([
      "EXISTS { MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE r.confidence >= $f_minConfidence AND r.status <> 'RETRACTED' }",
    ]);
    const unattributed = incidentMatch({ attributed: false, minConfidence: 50 });
    expect(unattributed.where).toEqual([
      "NOT EXISTS { MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE r.confidence >= $f_minConfidence AND r.status <> 'RETRACTED' }",
    ]);
  });

  it('starts from the full-text index when searching', () => {
    expect(incidentMatch({ search: 'wiper*' }).match).toBe(
      "CALL db.index.fulltext.queryNodes('incident_search', $f_search) YIELD node AS i",
    );
  });

  it('assembles the scoped, keyset-paginated list query', () => {
    const built = incidentListCypher(
      { sectorIds: ['health', 'hospitals'], from: '2022-01-01', countryCodes: ['IE'] },
      { field: 'START_DATE', direction: 'DESC' },
      { first: 10, after: ['2022-05-14', '2021-05-hse'] },
      'actor',
    );
    expect(built.text).toMatchSnapshot();
    expect(built.params).toMatchObject({
      limit: 11,
      afterValue: '2022-05-14',
      afterId: '2021-05-hse',
    });
  });

  it('assembles the grouped count query', () => {
    expect(
      countConnectionCypher('actor', { minConfidence: 85 }, { first: 5, after: null }, 'sector')
        .text,
    ).toMatchSnapshot();
  });
});

describe('the incident filter, read for reported victimology', () => {
  it('puts actor conditions on the actor, sectors, countries and confidence on its TARGETS links', () => {
    const params: Record<string, unknown> = {};
    const built = victimologyMatch(
      {
        actorIds: ['apt28'],
        originCountryCodes: ['RU'],
        sectorIds: ['energy', 'electricity'],
        countryCodes: ['UA'],
        minConfidence: 50,
      },
      params,
    );
    expect(built).toMatchSnapshot();
    expect(params).toEqual({
      f_actorIds: ['apt28'],
      f_originCountryCodes: ['RU'],
      f_sectorIds: ['energy', 'electricity'],
      f_countryCodes: ['UA'],
      f_minConfidence: 50,
    });
  });

  it('still asks an unfiltered actor for at least one reported target', () => {
    const built = victimologyMatch({}, {});
    expect(built).toEqual({
      actor: [
        '(EXISTS { (a)-[vt:TARGETS]->(vs:Sector) } OR EXISTS { (a)-[vt:TARGETS]->(vc:Country) })',
      ],
      sector: [],
      country: [],
    });
  });
});
