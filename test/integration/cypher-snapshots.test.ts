/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { describe, expect, it } from 'vitest';
import { cypherSnapshot, type Operation } from '../support/cypher-snapshot.js';
import { RecordedRequests, RecordingExecutor } from '../support/recording-executor.js';
import { as, roleKeysSetting, useSeededApi } from '../support/seeded.js';
import { aSourceOf, dataOf, type Data } from '../support/server.js';

/*
 * One snapshot per operation the API serves: the GraphQL runs through the real server over the
 * seeded database, a recording executor stands in the request path, and the statements it saw
 * (name, Cypher, parameters, in order, by wave) are compared with `__snapshots__/cypher/`. A
 * change to the Cypher an operation sends shows there in review; regenerate with `-u`.
 */

const RECORDED = 'cypher-snapshot-';
// Only the requests a case records go through a recorder; setup requests run as in production.
const recorded = new RecordedRequests((database, requestId) =>
  requestId.startsWith(RECORDED) ? RecordingExecutor.over(database.executor(requestId)) : null,
);
const seeded = useSeededApi(
  { AUTH_API_KEYS: roleKeysSetting },
  { executorFor: recorded.executorFor },
);

/** Runs `operation` recorded, compares its statements with the operation's snapshot file. */
async function snapshot(
  name: string,
  operation: Operation,
  headers: Record<string, string> = {},
): Promise<{ data: Data; recorder: RecordingExecutor }> {
  const requestId = `${RECORDED}${name}`;
  const data = await dataOf(seeded.api, operation.query, operation.variables, {
    ...headers,
    'x-request-id': requestId,
  });
  const recorder = recorded.take(requestId);
  await expect(cypherSnapshot(operation, recorder.recorded)).toMatchFileSnapshot(
    `__snapshots__/cypher/${name}.cypher`,
  );
  return { data, recorder };
}

/** How many statements each wave (each level of the query) sent, wave by wave. */
const perWave = (recorder: RecordingExecutor): number[] =>
  recorder.recorded.reduce<number[]>((counts, r) => {
    counts[r.wave - 1] = (counts[r.wave - 1] ?? 0) + 1;
    return counts;
  }, []);

/** Statements sent more than once in one wave: a level that was not batched (N+1). */
const unbatched = (recorder: RecordingExecutor): string[] => {
  const seen = new Set<string>();
  return recorder.recorded
    .map((r) => `wave ${r.wave} ${r.kind === 'transaction' ? r.name : r.statement.name}`)
    .filter((key) => seen.has(key) || !seen.add(key));
};

/**
 * Read operations with no setup of their own. `perWave`, where given, is the README's batching
 * promise made exact: the statements each level of the query costs, however many rows it has.
 */
const reads: { name: string; query: string; perWave?: number[] }[] = [
  {
    name: 'node',
    // the actor; its origin claim; the claim's country and sources
    perWave: [1, 1, 2],
    query: `{ node(id: "Actor:sandworm") { id ... on Actor { name aliases origin { confidence country { code } sources { url } } } } }`,
  },
  {
    name: 'sector-incidents',
    // the sector; its sub-sectors and its incidents with their count; their sectors
    perWave: [1, 2, 1],
    query: `{ sector(id: "health") { key subsectors { key }
      incidents(filter: { from: "2020-01-01" }, first: 3) { totalCount edges { node { key sectors { key } } } } } }`,
  },
  {
    name: 'country-incidents',
    query: `{ country(code: "UA") { code
      incidents(filter: { attackTypes: ["WIPER"] }, orderBy: { field: TITLE }, first: 3) { totalCount edges { node { key } } pageInfo { endCursor } } } }`,
  },
  {
    name: 'campaigns',
    // the campaigns; their count, claims and incidents (one batch for all three)
    perWave: [1, 3],
    query: `{ campaigns(first: 3) { totalCount edges { cursor node { key name
      attributions { actor { key } } incidents(first: 2) { edges { node { key } } } } } pageInfo { hasNextPage endCursor } } }`,
  },
  {
    name: 'organizations',
    // the organizations; their count, sectors and countries
    perWave: [1, 3],
    query: `{ organizations(countryCode: "UA", first: 3) { totalCount edges { node { key sectors { key } country { code } } } } }`,
  },
  {
    name: 'top-actors',
    query: `{ topActors(filter: { from: "2022-01-01" }, first: 3) { totalCount edges { incidentCount firstDate lastDate node { key } } pageInfo { endCursor } } }`,
  },
  {
    name: 'top-sectors',
    query: `{ topSectors(filter: { countryCodes: ["UA"] }, first: 3) { totalCount edges { incidentCount node { key } } } }`,
  },
  {
    name: 'top-countries',
    query: `{ topCountries(filter: { sectorIds: ["energy"] }, first: 3) { totalCount edges { incidentCount node { code } } } }`,
  },
  {
    name: 'top-origins',
    query: `{ topOrigins(filter: { countryCodes: ["UA"], minConfidence: 50 }, first: 3) { totalCount edges { incidentCount node { code } } } }`,
  },
  {
    name: 'stats',
    query: `{ stats(filter: { sectorIds: ["energy"], from: "2015-01-01" }) { incidents actors sectors countriesAffected attributedIncidents unattributedIncidents } }`,
  },
  {
    name: 'cross-border',
    query: `{ crossBorder(filter: { from: "2022-01-01", sectorIds: ["energy"] }, first: 5) { totalCount
      edges { node { actor { key } origin { code } sector { key } affectedCountry { code } incidentCount } }
      unknownOrigin { actor { key } sector { key } affectedCountry { code } incidentCount } } }`,
  },
  {
    name: 'actor-sector-matrix',
    query: `{ actorSectorMatrix(topActors: 5, topSectors: 4) { actors { key } sectors { key } counts crossBorderShares total } }`,
  },
  {
    name: 'timeline',
    query: `{ timeline(bucket: QUARTER, groupBy: SECTOR, filter: { from: "2022-01-01" }) { buckets series { key counts total } tooCoarse } }`,
  },
  {
    name: 'timeline-ungrouped',
    // The series of all incidents is labelled without a lookup: one statement.
    perWave: [1],
    query: `{ timeline(bucket: YEAR) { buckets series { key label counts total } } }`,
  },
  {
    name: 'co-targeting',
    query: `{ coTargeting(actorId: "sandworm", by: BOTH, first: 5) { actor { key } score sharedSectors { key } sharedCountries { code } } }`,
  },
  {
    name: 'neighborhood',
    query: `{ neighborhood(ids: ["Actor:sandworm"], depth: 1, limit: 100) { nodes { id type label } edges { id type source target } truncated } }`,
  },
  {
    name: 'paths',
    query: `{ paths(from: "Actor:sandworm", to: "Sector:electricity", maxHops: 4, first: 5) { paths { nodeIds edgeIds length } subgraph { nodes { id } edges { id } truncated } } }`,
  },
  {
    name: 'search',
    // the hits with their fields (priming the node loaders); the actors' origins; their countries
    perWave: [1, 1, 1],
    query: `{ search(text: "Voodoo Bear", types: [ACTOR, INCIDENT], first: 5) { node { ... on Actor { key origin { country { code } } } ... on Incident { key } } } }`,
  },
  {
    name: 'suggest-attributions',
    query: `{ suggestAttributions(incidentId: "2017-06-notpetya-maersk", first: 3) { rank alreadyAttributed actor { key }
      evidence { sharedSectors { key } sharedCountries { code } sameCampaignIncidents { key } } } }`,
  },
  {
    name: 'changes',
    query: `{ changes(entityId: "Incident:2022-02-viasat-ka-sat", first: 2) { totalCount edges { node { action by via } } pageInfo { hasNextPage } } }`,
  },
  {
    name: 'hypotheses',
    query: `{ hypotheses(incidentId: "Incident:2017-06-notpetya-maersk", first: 5) { totalCount edges { node { status incident { key } actor { key } } } } }`,
  },
  {
    name: 'datasets',
    query: `{ datasets { key name format incidentCount actorCount claimCount counts { kind read } } }`,
  },
];

describe('the Cypher each read sends', () => {
  it.each(reads)('$name', async ({ name, query, perWave: expected }) => {
    const { recorder } = await snapshot(name, { query });
    expect(unbatched(recorder)).toEqual([]);
    if (expected) expect(perWave(recorder)).toEqual(expected);
  });

  it('actor → incidents → sectors and countries: one round trip per level, every parent of a level in one batch', async () => {
    const { data, recorder } = await snapshot('actor-incidents-sectors-countries', {
      query: `{ actors(filter: { originCountryCodes: ["RU"] }, first: 3) { edges { node { key
        incidents(first: 2) { edges { node { key sectors { key } countries { primary country { code } } } } } } } } }`,
    });
    const actors = data.actors.edges as { node: { incidents: { edges: unknown[] } } }[];
    expect(actors).toHaveLength(3);
    expect(actors.flatMap((a) => a.node.incidents.edges).length).toBeGreaterThan(3);
    // actors; their incidents; the incidents' sectors and country claims; the claims' countries
    expect(perWave(recorder)).toEqual([1, 1, 2, 1]);
    expect(recorder.roundTrips).toBe(5);
    expect(unbatched(recorder)).toEqual([]);
    const incidents = recorder.recorded[1];
    expect(incidents?.kind === 'read' && incidents.statement.params.parents).toHaveLength(3);
  });

  for (const [list, variables, expected] of [
    [
      'actors',
      `actors(filter: { types: [STATE, STATE_SPONSORED] }, orderBy: { field: NAME, direction: DESC }, first: 3, after: $after)
        { totalCount edges { cursor node { key name origin { country { code } } } } pageInfo { hasNextPage endCursor } }`,
      // the page with its count; the actors' origins; the origins' countries
      [1, 1, 1],
    ],
    [
      'incidents',
      `incidents(filter: { countryCodes: ["UA"], from: "2022-01-01" }, orderBy: { field: TITLE }, first: 3, after: $after)
        { totalCount edges { cursor node { key title sectors { key } } } pageInfo { hasNextPage endCursor } }`,
      // the page with its count; the incidents' sectors
      [1, 1],
    ],
  ] as const) {
    it(`${list}: filtered, ordered, first page and second (its endCursor as after)`, async () => {
      const query = `query ($after: String) { ${variables} }`;
      const first = await snapshot(list, { query, variables: { after: null } });
      const page = first.data[list];
      expect(page.pageInfo.hasNextPage).toBe(true);
      expect(perWave(first.recorder)).toEqual(expected);
      const second = await snapshot(`${list}-second-page`, {
        query,
        variables: { after: page.pageInfo.endCursor },
      });
      expect(second.data[list].edges[0].cursor).not.toBe(page.edges[0].cursor);
      expect(perWave(second.recorder)).toEqual(expected);
    });
  }
});

const editor = as('editor');
const admin = as('admin');

/** A mutation's snapshot; its writes, as the README promises, all in one transaction. */
async function mutation(
  name: string,
  operation: Operation,
  headers: Record<string, string>,
): Promise<Data> {
  const { data, recorder } = await snapshot(name, operation, headers);
  expect(recorder.recorded.filter((r) => r.kind !== 'read').map((r) => r.kind)).toEqual([
    'transaction',
  ]);
  return data;
}

/** The version an entity has now, read (unrecorded) through the API. */
async function versionOf(id: string): Promise<number> {
  const { node } = await dataOf(
    seeded.api,
    `{ node(id: "${id}") { ... on Actor { version } ... on Incident { version } } }`,
  );
  return node.version as number;
}

describe('the Cypher each write sends', () => {
  it('createActor, updateActor, deleteActor', async () => {
    const created = (
      await mutation(
        'create-actor',
        {
          query: `mutation ($input: ActorInput!) { createActor(input: $input) { id key version } }`,
          variables: {
            input: {
              name: 'Snapshot Crew',
              type: 'CRIMINAL',
              aliases: ['SC'],
              firstSeen: '2023-04',
            },
          },
        },
        editor,
      )
    ).createActor;
    const updated = (
      await mutation(
        'update-actor',
        {
          query: `mutation ($id: ID!, $version: Int!, $patch: ActorPatch!) { updateActor(id: $id, version: $version, patch: $patch) { version description } }`,
          variables: {
            id: created.id,
            version: created.version,
            patch: { description: 'Recorded.' },
          },
        },
        editor,
      )
    ).updateActor;
    await mutation(
      'delete-actor',
      {
        query: `mutation ($id: ID!, $version: Int!) { deleteActor(id: $id, version: $version) { id } }`,
        variables: { id: created.id, version: updated.version },
      },
      admin,
    );
  });

  it('linkIncident, unlinkIncident', async () => {
    const id = 'Incident:2017-06-notpetya-merck';
    const query = (verb: string) =>
      `mutation ($id: ID!, $version: Int!, $links: IncidentLinks!) { ${verb}Incident(id: $id, version: $version, links: $links) { version sectors { key } } }`;
    const links = { sectorIds: ['banking'] };
    const linked = await mutation(
      'link-incident',
      { query: query('link'), variables: { id, version: await versionOf(id), links } },
      editor,
    );
    await mutation(
      'unlink-incident',
      {
        query: query('unlink'),
        variables: { id, version: linked.linkIncident.version, links },
      },
      editor,
    );
  });

  it('addAttribution, updateAttribution, retractAttribution', async () => {
    const CLAIM = 'id version confidence status actor { key } sources { url }';
    const source = await aSourceOf(seeded.api, 'Incident:2022-02-viasat-ka-sat');
    const added = (
      await mutation(
        'add-attribution',
        {
          query: `mutation ($sourceIds: [ID!]!) { addAttribution(incidentId: "Incident:2022-02-viasat-ka-sat", actorId: "apt28", confidence: 15, basis: MEDIA, claimedBy: "A newspaper", sourceIds: $sourceIds) { ${CLAIM} } }`,
          variables: { sourceIds: [source] },
        },
        editor,
      )
    ).addAttribution;
    const updated = (
      await mutation(
        'update-attribution',
        {
          query: `mutation ($id: ID!, $version: Int!) { updateAttribution(id: $id, version: $version, patch: { confidence: 50, status: SUSPECTED }) { ${CLAIM} } }`,
          variables: { id: added.id, version: added.version },
        },
        editor,
      )
    ).updateAttribution;
    await mutation(
      'retract-attribution',
      {
        query: `mutation ($id: ID!, $version: Int!) { retractAttribution(id: $id, version: $version) { ${CLAIM} } }`,
        variables: { id: updated.id, version: updated.version },
      },
      editor,
    );
  });

  it('setActorOrigin', async () => {
    const id = 'Actor:killnet';
    const source = await aSourceOf(seeded.api, 'Incident:2022-02-viasat-ka-sat');
    await mutation(
      'set-actor-origin',
      {
        query: `mutation ($id: ID!, $version: Int!, $sourceIds: [ID!]!) { setActorOrigin(id: $id, version: $version, origin: { country: "RU", confidence: 60, sourceIds: $sourceIds }) { version origin { confidence country { code } } } }`,
        variables: { id, version: await versionOf(id), sourceIds: [source] },
      },
      editor,
    );
  });

  it('createHypothesis, promoteHypothesis', async () => {
    const H = 'id version status incident { key } actor { key } promotedClaimId';
    const source = await aSourceOf(seeded.api, 'Incident:2017-06-notpetya-maersk');
    const created = (
      await mutation(
        'create-hypothesis',
        {
          query: `mutation ($input: HypothesisInput!) { createHypothesis(input: $input) { ${H} } }`,
          variables: {
            input: {
              incidentId: 'Incident:2017-06-notpetya-maersk',
              actorId: 'apt28',
              rationale: 'Same tooling as a 2016 operation.',
              confidence: 40,
              status: 'SUPPORTED',
            },
          },
        },
        editor,
      )
    ).createHypothesis;
    await mutation(
      'promote-hypothesis',
      {
        query: `mutation ($id: ID!, $version: Int!, $sourceIds: [ID!]) { promoteHypothesis(id: $id, version: $version, basis: ACADEMIC, sourceIds: $sourceIds) { ${H} } }`,
        variables: { id: created.id, version: created.version, sourceIds: [source] },
      },
      editor,
    );
  });

  it('mergeActors, undoMerge', async () => {
    const [source, target] = ['Actor:solntsepek', 'Actor:sandworm'];
    const merged = (
      await mutation(
        'merge-actors',
        {
          query: `mutation ($s: ID!, $sv: Int!, $t: ID!, $tv: Int!) { mergeActors(sourceId: $s, sourceVersion: $sv, targetId: $t, targetVersion: $tv) { changeId target { key version aliases } } }`,
          variables: {
            s: source,
            sv: await versionOf(source),
            t: target,
            tv: await versionOf(target),
          },
        },
        admin,
      )
    ).mergeActors;
    await mutation(
      'undo-merge',
      {
        query: `mutation ($c: ID!) { undoMerge(changeId: $c) { key version } }`,
        variables: { c: merged.changeId },
      },
      admin,
    );
  });
});
