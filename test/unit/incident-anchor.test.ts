import { describe, expect, it } from 'vitest';
import { render } from '../../src/db/cypher.js';
import { anchorOf, type IncidentScope } from '../../src/repositories/incident-anchor.js';
import {
  incidentsMatching,
  type IncidentConditions,
} from '../../src/repositories/incident-filter.js';

/** The anchor's Cypher and each condition left to test, as text. */
function planned(filter: IncidentConditions, scope: IncidentScope | null = null) {
  const { match, conditions } = incidentsMatching(filter, scope);
  return { match: render(match).text, conditions: conditions.map((c) => render(c).text) };
}

describe('the anchor a scope and a filter start from', () => {
  it('starts from every incident when nothing an index reaches is named', () => {
    expect(anchorOf({}, null)).toEqual({ from: 'allIncidents' });
    expect(anchorOf({ actorIds: [], countryCodes: [] }, null)).toEqual({ from: 'allIncidents' });
  });

  it('starts from the search hits before anything else', () => {
    expect(anchorOf({ search: 'wiper', actorIds: ['apt28'] }, 'sector')).toEqual({
      from: 'search',
    });
  });

  it('starts from the parent before the filter names', () => {
    for (const scope of ['actor', 'sector', 'country', 'campaign', 'organization'] as const)
      expect(anchorOf({ actorIds: ['apt28'], countryCodes: ['UA'] }, scope)).toEqual({
        from: 'parent',
        scope,
      });
  });

  it('takes the named kinds in order: actors, countries, sectors, datasets', () => {
    const all = { actorIds: ['a'], countryCodes: ['UA'], sectorIds: ['energy'], datasetIds: ['d'] };
    expect(anchorOf(all, null)).toEqual({ from: 'actorIds' });
    expect(anchorOf({ ...all, actorIds: null }, null)).toEqual({ from: 'countryCodes' });
    expect(anchorOf({ sectorIds: ['energy'], datasetIds: ['d'] }, null)).toEqual({
      from: 'sectorIds',
    });
    expect(anchorOf({ datasetIds: ['d'] }, null)).toEqual({ from: 'datasetIds' });
  });

  it('never starts unattributed incidents from an actor', () => {
    expect(anchorOf({ attributed: false, countryCodes: ['UA'] }, 'actor')).toEqual({
      from: 'countryCodes',
    });
    expect(anchorOf({ attributed: false, actorIds: ['apt28'] }, null)).toEqual({
      from: 'allIncidents',
    });
    expect(anchorOf({ attributed: true, actorIds: ['apt28'] }, null)).toEqual({
      from: 'actorIds',
    });
  });
});

describe('the conditions left once the anchor is chosen', () => {
  it('starts an actor scope from its claims, every claim condition on the claim it starts from', () => {
    expect(
      planned({ minConfidence: 50, originCountryCodes: ['RU'], from: '2022-01-01' }, 'actor'),
    ).toEqual({
      match:
        'MATCH (a:Actor {id: p.id})<-[r:ATTRIBUTED_TO]-(i:Incident) WHERE EXISTS { (a)-[:ORIGINATES_FROM]->(o:Country) WHERE o.iso2 IN $originCountryCodes } AND r.confidence >= $minConfidence WITH DISTINCT p, i',
      conditions: ['i.endDate >= date($from)'],
    });
  });

  it('tests a scope reached through its parent no more', () => {
    expect(planned({}, 'sector')).toEqual({
      match:
        'UNWIND p.sectorIds AS sectorId_1 MATCH (:Sector {id: sectorId_1})<-[:TARGETED]-(i:Incident) WITH DISTINCT p, i',
      conditions: [],
    });
    expect(planned({}, 'country').match).toBe(
      'MATCH (:Country {iso2: p.id})<-[:AFFECTED]-(i:Incident) WITH DISTINCT p, i',
    );
    expect(planned({}, 'campaign').match).toBe(
      'MATCH (:Campaign {id: p.id})<-[:PART_OF]-(i:Incident) WITH DISTINCT p, i',
    );
    expect(planned({}, 'organization').match).toBe(
      'MATCH (:Organization {id: p.id})<-[:HIT]-(i:Incident) WITH DISTINCT p, i',
    );
  });

  it("keeps the filter's named nodes the parent does not reach as conditions", () => {
    const { conditions } = planned({ sectorIds: ['energy'], countryCodes: ['UA'] }, 'actor');
    expect(conditions).toEqual([
      'EXISTS { (i)-[:TARGETED]->(s:Sector) WHERE s.id IN $sectorIds }',
      'EXISTS { (i)-[:AFFECTED]->(c:Country) WHERE c.iso2 IN $countryCodes }',
    ]);
  });

  it('tests the named kind it starts from no more, the others still', () => {
    expect(planned({ sectorIds: ['energy'], datasetIds: ['d'] })).toEqual({
      match:
        'UNWIND $sectorIds AS sectorId_1 MATCH (:Sector {id: sectorId_1})<-[:TARGETED]-(i:Incident) WITH DISTINCT i',
      conditions: ['EXISTS { (i)-[:FROM_DATASET]->(d:Dataset) WHERE d.id IN $datasetIds }'],
    });
    expect(planned({ datasetIds: ['d'] })).toEqual({
      match:
        'UNWIND $datasetIds AS datasetId_1 MATCH (:Dataset {id: datasetId_1})<-[:FROM_DATASET]-(i:Incident) WITH DISTINCT i',
      conditions: [],
    });
  });

  it('puts a border crossing on the claim an actor anchor starts from', () => {
    expect(planned({ actorIds: ['apt28'], crossBorder: true })).toEqual({
      match:
        'UNWIND $actorIds AS actorId_1 MATCH (a:Actor {id: actorId_1})<-[r:ATTRIBUTED_TO]-(i:Incident) WHERE EXISTS { MATCH (a)-[:ORIGINATES_FROM]->(o:Country), (i)-[:AFFECTED]->(v:Country) WHERE o <> v } WITH DISTINCT i',
      conditions: [],
    });
  });

  it('still asks that none of the qualifying claims crosses a border, the parent kept for it', () => {
    expect(planned({ crossBorder: false }, 'actor')).toEqual({
      match: 'MATCH (a:Actor {id: p.id})<-[r:ATTRIBUTED_TO]-(i:Incident) WITH DISTINCT p, i',
      conditions: [
        'NOT EXISTS { MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE a.id = p.id AND EXISTS { MATCH (a)-[:ORIGINATES_FROM]->(o:Country), (i)-[:AFFECTED]->(v:Country) WHERE o <> v } }',
      ],
    });
  });

  it("tests an actor scope's unattributed incidents from another anchor", () => {
    expect(planned({ attributed: false }, 'actor')).toEqual({
      match: 'MATCH (i:Incident)',
      conditions: [
        "NOT EXISTS { MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE a.id = p.id AND r.status <> 'RETRACTED' }",
      ],
    });
  });

  it('tests the scope on each search hit', () => {
    expect(planned({ search: 'wiper' }, 'country').conditions).toEqual([
      'EXISTS { (i)-[:AFFECTED]->(:Country {iso2: p.id}) }',
    ]);
  });
});
