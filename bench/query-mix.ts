/**
 * The realistic GraphQL operations the benchmark measures and the load suite replays: what an
 * analyst's screen or a visualisation asks. Each names the things it asks about through
 * `Subjects`, so the same mix runs on the seeds and on any synthetic profile.
 */
export interface Subjects {
  actorId: string;
  incidentId: string;
  sectorId: string;
  countryCode: string;
  searchText: string;
}

export interface Operation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** Things the seed dataset has, for tests run on the seeds. */
export const seedSubjects: Subjects = {
  actorId: 'sandworm',
  incidentId: '2022-02-viasat-ka-sat',
  sectorId: 'energy',
  countryCode: 'UA',
  searchText: 'wiper',
};

export function queryMix(s: Subjects): Operation[] {
  return [
    {
      name: 'incidents: filtered, sorted list',
      query: `query ($sector: ID!, $country: String!) {
        incidents(filter: { sectorIds: [$sector], countryCodes: [$country], from: "2015-01-01" },
                  orderBy: { field: START_DATE, direction: DESC }, first: 50) {
          totalCount
          edges { node { id title date attackTypes } }
        }
      }`,
      variables: { sector: s.sectorId, country: s.countryCode },
    },
    {
      name: 'actor → incidents → sectors, countries (4 levels)',
      query: `query ($actor: ID!) {
        actor(id: $actor) {
          name
          incidents(first: 50) {
            edges { node { title date sectors { name } countries { primary country { name region } } } }
          }
        }
      }`,
      variables: { actor: s.actorId },
    },
    {
      name: 'crossBorder',
      query: `{
        crossBorder(first: 50) {
          totalCount
          edges { node { actor { name } origin { code } sector { name } affectedCountry { code } incidentCount } }
        }
      }`,
      variables: {},
    },
    {
      name: 'actorSectorMatrix',
      query: `{ actorSectorMatrix(topActors: 10, topSectors: 10) { actors { name } sectors { name } counts } }`,
      variables: {},
    },
    {
      name: 'timeline',
      query: `query ($sector: ID!) {
        timeline(filter: { sectorIds: [$sector] }, bucket: YEAR) { buckets series { label counts } }
      }`,
      variables: { sector: s.sectorId },
    },
    {
      name: 'neighborhood',
      query: `query ($ids: [ID!]!) {
        neighborhood(ids: $ids, depth: 2, limit: 200) { nodes { id type label } edges { source target type } truncated }
      }`,
      variables: { ids: [`Actor:${s.actorId}`] },
    },
    {
      name: 'search',
      query: `query ($text: String!) { search(text: $text, first: 20) { score node { __typename ... on Actor { name } ... on Incident { title } } } }`,
      variables: { text: s.searchText },
    },
    {
      name: 'suggestAttributions',
      query: `query ($incident: ID!) {
        suggestAttributions(incidentId: $incident, first: 10) { rank score actor { name } }
      }`,
      variables: { incident: s.incidentId },
    },
  ];
}
