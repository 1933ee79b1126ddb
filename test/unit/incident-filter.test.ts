import { describe, expect, it } from 'vitest';
import { and, fragment, render, where, type Fragment } from '../../src/db/cypher.js';
import { countListStatement } from '../../src/repositories/count-repository.js';
import {
  incidentsMatching,
  type IncidentConditions,
} from '../../src/repositories/incident-filter.js';
import { incidentListStatement } from '../../src/repositories/incident-repository.js';
import { victimologyConditionsOf } from '../../src/repositories/victimology-filter.js';

/** Each condition as the text it renders to, and every value it carries. */
const renderedEach = (conditions: readonly Fragment[]) => conditions.map((c) => render(c).text);

function selected(filter: IncidentConditions) {
  const { match, conditions } = incidentsMatching(filter);
  return {
    match: render(match).text,
    conditions: renderedEach(conditions),
    ...render(fragment`${match} ${where(conditions)}`),
  };
}

describe('the incident filter, as Cypher', () => {
  it('adds nothing for an empty filter', () => {
    expect(selected({})).toMatchObject({ match: 'MATCH (i:Incident)', conditions: [], params: {} });
  });

  it('puts every claim condition on one and the same attribution, values as parameters', () => {
    const built = selected({
      minConfidence: 50,
      attributionStatuses: ['ATTRIBUTED'],
      originCountryCodes: ['RU'],
      crossBorder: true,
    });
    expect(built.match).toBe('MATCH (i:Incident)');
    expect(built.conditions).toHaveLength(1);
    expect(built.conditions).toMatchSnapshot();
    expect(built.params).toEqual({
      minConfidence: 50,
      attributionStatuses: ['ATTRIBUTED'],
      originCountryCodes: ['RU'],
    });
  });

  it('starts from the named actors, the claim conditions on the claim it starts from', () => {
    const built = selected({
      actorIds: ['apt28'],
      minConfidence: 50,
      attributionStatuses: ['ATTRIBUTED'],
      originCountryCodes: ['RU'],
      crossBorder: true,
    });
    expect(built.match).toMatchSnapshot();
    expect(built.conditions).toEqual([]);
    expect(built.params).toEqual({
      actorIds: ['apt28'],
      minConfidence: 50,
      attributionStatuses: ['ATTRIBUTED'],
      originCountryCodes: ['RU'],
    });
    expect(built.text).not.toContain('apt28');
  });

  it('restricts by dataset, region and impact category, values as parameters', () => {
    const built = selected({
      datasetIds: ['cyberpeace'],
      regions: { countryCodes: ['PL', 'UA'], names: ['eastern europe'] },
      impactCategories: ['DATA'],
    });
    expect(built.conditions).toMatchSnapshot();
    expect(built.params).toEqual({
      datasetIds: ['cyberpeace'],
      regionCountries: ['PL', 'UA'],
      regionNames: ['eastern europe'],
      impactCategories: ['DATA'],
    });
  });

  it('reads attributed as a standing claim that meets the other claim conditions', () => {
    expect(selected({ attributed: true, minConfidence: 50 }).conditions).toEqual([
      "EXISTS { MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE r.confidence >= $minConfidence AND r.status <> 'RETRACTED' }",
    ]);
    expect(selected({ attributed: false, minConfidence: 50 }).conditions).toEqual([
      "NOT EXISTS { MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE r.confidence >= $minConfidence AND r.status <> 'RETRACTED' }",
    ]);
  });

  it('starts from the full-text index when searching', () => {
    const built = selected({ search: 'wiper*' });
    expect(built.match).toBe(
      "CALL db.index.fulltext.queryNodes('incident_search', $search) YIELD node AS i",
    );
    expect(built.params).toEqual({ search: 'wiper*' });
  });

  it('gives two values of one name two parameters, so that neither overwrites the other', () => {
    const filter = { minConfidence: 50, sectorIds: ['energy'] };
    const incidents = incidentsMatching(filter);
    const reported = victimologyConditionsOf({ ...filter, minConfidence: 70 });
    const { params } = render(and([...incidents.conditions, ...reported.actor]));
    expect(Object.values(params)).toEqual(expect.arrayContaining([50, 70]));
  });

  it('assembles the scoped, keyset-paginated list query', () => {
    const built = incidentListStatement(
      [{ id: 'sandworm' }],
      {
        scope: 'actor',
        filter: { sectorIds: ['health', 'hospitals'], from: '2022-01-01', countryCodes: ['IE'] },
      },
      { field: 'START_DATE', direction: 'DESC' },
      { first: 10, after: ['2022-05-14', '2021-05-hse'] },
      ['title'],
    );
    expect(built.query).toMatchSnapshot();
    expect(built.params).toMatchObject({
      parents: [{ id: 'sandworm' }],
      limit: 11,
      after1: '2022-05-14',
      after2: '2021-05-hse',
    });
  });

  it('assembles the grouped count query', () => {
    const built = countListStatement(
      [{ id: 'energy', sectorIds: ['energy', 'electricity'] }],
      { group: 'actor', scope: 'sector', filter: { minConfidence: 85 } },
      { first: 5, after: null },
    );
    expect(built.query).toMatchSnapshot();
    expect(built.params).toMatchObject({ minConfidence: 85, minConfidence2: 85, limit: 6 });
  });
});

describe('the incident filter, read for reported victimology', () => {
  it('puts actor conditions on the actor, sectors, countries and confidence on its TARGETS links', () => {
    const built = victimologyConditionsOf({
      actorIds: ['apt28'],
      originCountryCodes: ['RU'],
      sectorIds: ['energy', 'electricity'],
      countryCodes: ['UA'],
      minConfidence: 50,
    });
    const [t, s, c] = [fragment`t`, fragment`s`, fragment`c`];
    const rendered = {
      actor: renderedEach(built.actor),
      sector: renderedEach(built.sector(t, s)),
      country: renderedEach(built.country(t, c)),
    };
    expect(rendered).toMatchSnapshot();
    expect(render(and(built.actor)).params).toEqual({
      actorIds: ['apt28'],
      originCountryCodes: ['RU'],
      minConfidence: 50,
      sectorIds: ['energy', 'electricity'],
      minConfidence2: 50,
      countryCodes: ['UA'],
    });
  });

  it('still asks an unfiltered actor for at least one reported target', () => {
    const built = victimologyConditionsOf({});
    expect(renderedEach(built.actor)).toEqual([
      '(EXISTS { (a)-[vt_1:TARGETS]->(vn_1:Sector)  } OR EXISTS { (a)-[vt_2:TARGETS]->(vn_2:Country)  })',
    ]);
    expect(built.sector(fragment`t`, fragment`s`)).toEqual([]);
    expect(built.country(fragment`t`, fragment`c`)).toEqual([]);
  });
});
