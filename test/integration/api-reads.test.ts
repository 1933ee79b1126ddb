/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../src/import/records.js';
import { readSeedDataset } from '../../src/import/seeds.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { useSeededApi } from '../support/seeded.js';
import { dataOf, errorOf, type Data } from '../support/server.js';

/**
 * Every root and traversal against the seeded database. Expected values come from the seed files
 * read directly, not from the API: the two must agree.
 */
const taxonomy = loadTaxonomy();
const { read } = await readSeedDataset(taxonomy);
const seeds = read.records;
const parentOf = new Map(taxonomy.sectors.map((s) => [s.id, s.parentId]));
const underSector = (incident: IncidentRecord, sector: string): boolean =>
  incident.sectorIds.some((s) => s === sector || parentOf.get(s) === sector);
const byDateDesc = (a: IncidentRecord, b: IncidentRecord): number =>
  b.startDate.localeCompare(a.startDate) || b.id.localeCompare(a.id);

const seeded = useSeededApi();

const query = (text: string, variables?: Record<string, unknown>) =>
  dataOf(seeded.api, text, variables);
const queryError = (text: string, variables?: Record<string, unknown>) =>
  errorOf(seeded.api, text, variables);

describe('actors', () => {
  const sandworm = seeds.actors.find((a) => a.id === 'sandworm');
  const attributedTo = (actor: string) =>
    seeds.incidents.filter((i) => i.attributions.some((a) => a.actorId === actor));

  it('finds an actor by key or global id, with aliases, origin and sponsors and their sources', async () => {
    const data = await query(`{
      a: actor(id: "sandworm") { id key name aliases type origin { country { code } confidence sources { url } } sponsors { country { code } } }
      b: actor(id: "Actor:sandworm") { key }
      none: actor(id: "no-such-actor") { key }
    }`);
    expect(data.a).toMatchObject({
      id: 'Actor:sandworm',
      key: 'sandworm',
      name: sandworm?.name,
      type: sandworm?.type,
    });
    expect(data.a.aliases).toEqual(sandworm?.aliases);
    expect(data.a.origin.country.code).toBe(sandworm?.origin?.country);
    expect(data.a.origin.sources).toHaveLength(sandworm?.origin?.sourceIds.length ?? -1);
    expect(data.a.sponsors.map((s: Data) => s.country.code)).toEqual(
      sandworm?.sponsors.map((s) => s.country),
    );
    expect(data.b.key).toBe('sandworm');
    expect(data.none).toBeNull();
  });

  it('refuses an id of another type, naming the argument', async () => {
    const { error } = await queryError('{ actor(id: "Sector:energy") { key } }');
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect(error?.message).toContain('expects a Actor id');
  });

  it("lists an actor's incidents newest first, pages through them with stable cursors, and counts them", async () => {
    const expected = attributedTo('sandworm')
      .sort(byDateDesc)
      .map((i) => i.id);
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const data = await query(
        'query($after: String) { actor(id: "sandworm") { incidents(first: 7, after: $after) { totalCount edges { cursor node { key } } pageInfo { hasNextPage endCursor } } } }',
        { after },
      );
      const connection = data.actor.incidents;
      total = connection.totalCount;
      seen.push(...connection.edges.map((e: Data) => e.node.key));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBe(expected.length);
    expect(seen).toEqual(expected);
  });

  it("counts the sectors and countries of an actor's incidents, most incidents first", async () => {
    const incidents = attributedTo('sandworm');
    const sectorCounts = new Map<string, number>();
    for (const i of incidents)
      for (const s of new Set(i.sectorIds)) sectorCounts.set(s, (sectorCounts.get(s) ?? 0) + 1);
    const data = await query(
      '{ actor(id: "sandworm") { sectors(first: 100) { totalCount edges { incidentCount firstDate lastDate node { key } } } targetCountries(first: 100) { edges { incidentCount node { code } } } } }',
    );
    const edges = data.actor.sectors.edges as Data[];
    expect(data.actor.sectors.totalCount).toBe(sectorCounts.size);
    expect(Object.fromEntries(edges.map((e) => [e.node.key, e.incidentCount]))).toEqual(
      Object.fromEntries(sectorCounts),
    );
    expect(edges.map((e) => e.incidentCount)).toEqual(
      [...edges.map((e) => e.incidentCount)].sort((a, b) => b - a),
    );
    const ukraine = incidents.filter((i) => i.countries.some((c) => c.iso2 === 'UA'));
    expect(
      data.actor.targetCountries.edges.find((e: Data) => e.node.code === 'UA')?.incidentCount,
    ).toBe(ukraine.length);
  });

  it('lists actors by name or by incident count, filtered by type and origin', async () => {
    const russianStateActors = seeds.actors
      .filter((a) => a.type === 'STATE' && a.origin?.country === 'RU')
      .map((a) => a.name)
      .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    const data = await query(
      '{ actors(first: 100, filter: { types: [STATE], originCountryCodes: ["RU"] }) { totalCount edges { node { name } } } busiest: actors(first: 1, orderBy: { field: INCIDENT_COUNT, direction: DESC }) { edges { node { key } } } }',
    );
    expect(data.actors.edges.map((e: Data) => e.node.name)).toEqual(russianStateActors);
    expect(data.actors.totalCount).toBe(russianStateActors.length);
    const counts = seeds.actors
      .map((a) => [a.id, attributedTo(a.id).length] as const)
      .sort((x, y) => y[1] - x[1]);
    expect(data.busiest.edges[0].node.key).toBe(counts[0]?.[0]);
  });

  it('shows affiliations in both directions and reported victimology', async () => {
    const withAffiliation = seeds.actors.find((a) => a.affiliations.length > 0);
    if (!withAffiliation) return;
    const target = withAffiliation.affiliations[0];
    const data = await query(
      `{ from: actor(id: "${withAffiliation.id}") { affiliations { kind direction actor { key } } } to: actor(id: "${target?.actorId ?? ''}") { affiliations { kind direction actor { key } } } }`,
    );
    expect(data.from.affiliations).toContainEqual({
      kind: target?.kind,
      direction: 'OUTGOING',
      actor: { key: target?.actorId },
    });
    expect(data.to.affiliations).toContainEqual({
      kind: target?.kind,
      direction: 'INCOMING',
      actor: { key: withAffiliation.id },
    });
  });
});

describe('incidents', () => {
  const viasat = seeds.incidents.find((i) => i.id === '2022-02-viasat-ka-sat');

  it('returns an incident with its dates, links and claims, strongest claim first', async () => {
    const data = await query(`{ incident(id: "2022-02-viasat-ka-sat") {
      id key title date datePrecision startDate endDate attackTypes
      sectors { key } countries { primary country { code } } sources { url } campaign { key } organizations { key }
      attributions { confidence status basis actor { key } sources { url } }
    } }`);
    const i = data.incident;
    expect(i).toMatchObject({
      id: 'Incident:2022-02-viasat-ka-sat',
      title: viasat?.title,
      startDate: viasat?.startDate,
      datePrecision: viasat?.datePrecision,
    });
    expect(i.sectors.map((s: Data) => s.key).sort()).toEqual([...(viasat?.sectorIds ?? [])].sort());
    expect(i.countries.map((c: Data) => c.country.code).sort()).toEqual(
      viasat?.countries.map((c) => c.iso2).sort(),
    );
    expect(i.countries[0].primary).toBe(true);
    expect(i.sources).toHaveLength(viasat?.sourceIds.length ?? -1);
    expect(i.attributions.map((a: Data) => a.confidence)).toEqual(
      [...(viasat?.attributions.map((a) => a.confidence) ?? [])].sort((a, b) => b - a),
    );
    expect(i.organizations.map((o: Data) => o.key)).toEqual(viasat?.organizationIds);
  });

  it('writes a month-precise date at its precision', async () => {
    const monthly = seeds.incidents.find((x) => x.datePrecision === 'MONTH');
    const data = await query(`{ incident(id: "${monthly?.id ?? ''}") { date datePrecision } }`);
    expect(data.incident).toEqual({ date: monthly?.startDate.slice(0, 7), datePrecision: 'MONTH' });
  });

  const cases: [string, string, (i: IncidentRecord) => boolean][] = [
    [
      'a parent sector, sub-sectors included',
      '{ sectorIds: ["health"] }',
      (i) => underSector(i, 'health'),
    ],
    ['a sub-sector', '{ sectorIds: ["Sector:hospitals"] }', (i) => underSector(i, 'hospitals')],
    [
      'affected countries',
      '{ countryCodes: ["IE", "GB"] }',
      (i) => i.countries.some((c) => ['IE', 'GB'].includes(c.iso2)),
    ],
    ['attack types', '{ attackTypes: ["DDOS"] }', (i) => i.attackTypes.includes('DDOS')],
    [
      'a date range, by overlap',
      '{ from: "2022-02-24", to: "2022-03-31" }',
      (i) => i.endDate >= '2022-02-24' && i.startDate <= '2022-03-31',
    ],
    [
      'actors',
      '{ actorIds: ["killnet"] }',
      (i) => i.attributions.some((a) => a.actorId === 'killnet'),
    ],
    [
      'minimum confidence and status, on the same claim',
      '{ minConfidence: 85, attributionStatuses: [ATTRIBUTED] }',
      (i) => i.attributions.some((a) => a.confidence >= 85 && a.status === 'ATTRIBUTED'),
    ],
    [
      'origin countries',
      '{ originCountryCodes: ["KP"] }',
      (i) =>
        i.attributions.some(
          (a) => seeds.actors.find((x) => x.id === a.actorId)?.origin?.country === 'KP',
        ),
    ],
    [
      'cross-border only',
      '{ crossBorder: true }',
      (i) =>
        i.attributions.some((a) => {
          const origin = seeds.actors.find((x) => x.id === a.actorId)?.origin?.country;
          return origin !== undefined && i.countries.some((c) => c.iso2 !== origin);
        }),
    ],
  ];
  it.each(cases)('filters by %s', async (_name, filter, predicate) => {
    const expected = seeds.incidents
      .filter(predicate)
      .sort(byDateDesc)
      .map((i) => i.id);
    const data = await query(
      `{ incidents(first: 500, filter: ${filter}) { totalCount edges { node { key } } } }`,
    );
    expect(data.incidents.edges.map((e: Data) => e.node.key)).toEqual(expected);
    expect(data.incidents.totalCount).toBe(expected.length);
  });

  it('sorts by title both ways', async () => {
    const titles = seeds.incidents.map((i) => i.title);
    const data = await query(
      '{ asc: incidents(first: 500, orderBy: { field: TITLE, direction: ASC }) { edges { node { title } } } desc: incidents(first: 3, orderBy: { field: TITLE, direction: DESC }) { edges { node { title } } } }',
    );
    const asc = data.asc.edges.map((e: Data) => e.node.title as string);
    expect([...asc].sort()).toEqual([...titles].sort());
    expect(asc).toEqual([...asc].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(data.desc.edges[0].node.title).toBe(asc.at(-1));
  });

  it('searches titles and descriptions', async () => {
    const data = await query(
      '{ incidents(first: 50, filter: { search: "NotPetya" }) { edges { node { title description } } } }',
    );
    expect(data.incidents.edges.length).toBeGreaterThan(2);
    for (const e of data.incidents.edges as Data[])
      expect(`${e.node.title} ${e.node.description}`.toLowerCase()).toContain('notpetya');
  });

  it('refuses bad filter values, naming the field', async () => {
    expect(
      (await queryError('{ incidents(filter: { countryCodes: ["Atlantis"] }) { totalCount } }'))
        .error?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.countryCodes' });
    expect(
      (await queryError('{ incidents(filter: { sectorIds: ["nope"] }) { totalCount } }')).error
        ?.message,
    ).toMatch(/unknown sector "nope"/);
    expect(
      (await queryError('{ incidents(filter: { from: "2022-02-30" }) { totalCount } }')).error
        ?.message,
    ).toMatch(/2022-02 has 28 days/);
    expect(
      (await queryError('{ incidents(after: "garbage") { totalCount } }')).error?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    const tooMany = await queryError('{ incidents(first: 501) { totalCount } }');
    expect(tooMany.error?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      maximum: 500,
      actual: 501,
    });
  });
});

describe('sectors, countries, campaigns, organizations', () => {
  it('gives the sector tree with parents and sub-sectors', async () => {
    const data = await query(
      '{ sectors { key subsectors { key parent { key } } } sector(id: "hospitals") { parent { key } nis2Sector stixIndustry } }',
    );
    expect(data.sectors).toHaveLength(taxonomy.sectors.filter((s) => s.parentId === null).length);
    const health = data.sectors.find((s: Data) => s.key === 'health');
    expect(health.subsectors.map((s: Data) => s.key).sort()).toEqual(
      taxonomy.sectors
        .filter((s) => s.parentId === 'health')
        .map((s) => s.id)
        .sort(),
    );
    expect(health.subsectors[0].parent.key).toBe('health');
    expect(data.sector).toEqual({
      parent: { key: 'health' },
      nis2Sector: 'Health',
      stixIndustry: 'healthcare',
    });
  });

  it("counts the actors behind a sector's incidents and lists those incidents", async () => {
    const inHealth = seeds.incidents.filter((i) => underSector(i, 'health'));
    const perActor = new Map<string, number>();
    for (const i of inHealth)
      for (const a of new Set(i.attributions.map((x) => x.actorId)))
        perActor.set(a, (perActor.get(a) ?? 0) + 1);
    const data = await query(
      '{ sector(id: "health") { incidents { totalCount } actors(first: 200) { totalCount edges { incidentCount node { key } } } } }',
    );
    expect(data.sector.incidents.totalCount).toBe(inHealth.length);
    expect(
      Object.fromEntries(data.sector.actors.edges.map((e: Data) => [e.node.key, e.incidentCount])),
    ).toEqual(Object.fromEntries(perActor));
  });

  it('answers a country by code or name with its incidents, originating and targeting actors', async () => {
    const affected = seeds.incidents.filter((i) => i.countries.some((c) => c.iso2 === 'UA'));
    const originating = seeds.actors
      .filter((a) => a.origin?.country === 'UA')
      .map((a) => a.id)
      .sort();
    const data = await query(
      '{ a: country(code: "Ukraine") { code iso3 region subregion incidents { totalCount } originatingActors(first: 100) { edges { node { key } } } targetingActors(first: 1) { edges { node { key } } } } b: country(code: "UKR") { code } countries(region: "Europe") { code } }',
    );
    expect(data.a).toMatchObject({
      code: 'UA',
      iso3: 'UKR',
      region: 'Europe',
      subregion: 'Eastern Europe',
    });
    expect(data.a.incidents.totalCount).toBe(affected.length);
    expect(data.a.originatingActors.edges.map((e: Data) => e.node.key).sort()).toEqual(originating);
    expect(data.b.code).toBe('UA');
    expect(data.countries.map((c: Data) => c.code)).toContain('UA');
  });

  it('lists campaigns with their incidents, and organizations with sector and country', async () => {
    const campaign = seeds.campaigns[0];
    const inCampaign = seeds.incidents.filter((i) => i.campaignId === campaign?.id);
    const data = await query(
      `{ campaign(id: "${campaign?.id ?? ''}") { name incidents { totalCount } } campaigns(first: 100) { totalCount } organizations(first: 500, countryCode: "IE") { edges { node { key country { code } } } } }`,
    );
    expect(data.campaign).toEqual({
      name: campaign?.name,
      incidents: { totalCount: inCampaign.length },
    });
    expect(data.campaigns.totalCount).toBe(seeds.campaigns.length);
    const irish = seeds.organizations
      .filter((o) => o.country === 'IE')
      .map((o) => o.id)
      .sort();
    expect(data.organizations.edges.map((e: Data) => e.node.key).sort()).toEqual(irish);
  });
});

describe('node, nodes and search', () => {
  it('fetches any object by global id, null where nothing has it', async () => {
    const data = await query(
      '{ node(id: "Sector:water") { id ... on Sector { name } } nodes(ids: ["Actor:apt28", "Country:UA", "Actor:none", "nonsense"]) { id } }',
    );
    expect(data.node).toEqual({ id: 'Sector:water', name: 'Water' });
    expect(data.nodes).toEqual([{ id: 'Actor:apt28' }, { id: 'Country:UA' }, null, null]);
  });

  it('finds an actor by any of its aliases, by prefix, and treats Lucene syntax as text', async () => {
    const data = await query(
      '{ a: search(text: "voodoo bear", types: [ACTOR]) { node { ... on Actor { key } } } b: search(text: "sandw") { node { __typename ... on Actor { key } } } c: search(text: "\\") OR *:*") { score } }',
    );
    expect(data.a[0].node.key).toBe('sandworm');
    expect(data.b.some((h: Data) => h.node.key === 'sandworm')).toBe(true);
    expect(Array.isArray(data.c)).toBe(true);
  });
});
