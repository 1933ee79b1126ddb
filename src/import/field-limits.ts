import type { ReadResult, RecordKind, RecordOf, RecordProblem } from './records.js';

/**
 * The longest text, in characters, each field may hold: the native format's limits (format.ts
 * builds its schema from them), and every other format's too, so no reader hands on a value the
 * database would refuse to index or a person could not read.
 */
export const fieldLimits = {
  id: 128,
  url: 2048,
  sourceTitle: 500,
  publisher: 200,
  actorName: 200,
  alias: 200,
  externalId: 200,
  description: 5000,
  campaignName: 300,
  organizationName: 300,
  incidentTitle: 500,
  incidentDescription: 10000,
  claimedBy: 300,
  /** A region named as affected ("Eastern Europe", "EU"). */
  region: 100,
  /** An impact level or measure as a tracker words it ("Day (< 24h)"), a currency, casualties. */
  impactLevel: 300,
} as const;

/** What a value over its limit is told, in every format. */
export const tooLong = (max: number): string => `at most ${max} characters are allowed`;

type Limit = keyof typeof fieldLimits;
/** A field's values (a list is checked value by value) and the limit they keep to. */
type Checks<K extends RecordKind> = [
  field: string,
  limit: Limit,
  value: (record: RecordOf<K>) => string | string[] | null,
][];

const checks: { [K in RecordKind]: Checks<K> } = {
  sources: [
    ['url', 'url', (s) => s.url],
    ['title', 'sourceTitle', (s) => s.title],
    ['publisher', 'publisher', (s) => s.publisher],
  ],
  actors: [
    ['id', 'id', (a) => a.id],
    ['name', 'actorName', (a) => a.name],
    ['aliases', 'alias', (a) => a.aliases],
    ['description', 'description', (a) => a.description],
    ['externalIds', 'externalId', (a) => a.externalIds],
  ],
  campaigns: [
    ['id', 'id', (c) => c.id],
    ['name', 'campaignName', (c) => c.name],
    ['description', 'description', (c) => c.description],
    [
      'attributions.claimedBy',
      'claimedBy',
      (c) => c.attributions.flatMap((a) => a.claimedBy ?? []),
    ],
  ],
  organizations: [
    ['id', 'id', (o) => o.id],
    ['name', 'organizationName', (o) => o.name],
  ],
  incidents: [
    ['id', 'id', (i) => i.id],
    ['title', 'incidentTitle', (i) => i.title],
    ['description', 'incidentDescription', (i) => i.description],
    ['externalIds', 'externalId', (i) => i.externalIds],
    [
      'attributions.claimedBy',
      'claimedBy',
      (i) => i.attributions.flatMap((a) => a.claimedBy ?? []),
    ],
    ['regions', 'region', (i) => i.regions],
    [
      'impact.categories.description',
      'description',
      (i) => i.impact?.categories.flatMap((c) => c.description ?? []) ?? [],
    ],
    [
      'impact.cyberIntensity.targetMultiplier',
      'impactLevel',
      (i) => i.impact?.cyberIntensity?.targetMultiplier ?? null,
    ],
    ['impact.functional', 'impactLevel', (i) => i.impact?.functional ?? null],
    ['impact.intelligence', 'impactLevel', (i) => i.impact?.intelligence ?? null],
    [
      'impact.political.measure',
      'impactLevel',
      (i) => i.impact?.political.map((p) => p.measure) ?? [],
    ],
    ['impact.political.level', 'impactLevel', (i) => i.impact?.political.map((p) => p.level) ?? []],
    ['impact.economic', 'impactLevel', (i) => i.impact?.economic ?? null],
    [
      'impact.economicValue.currency',
      'impactLevel',
      (i) => i.impact?.economicValue?.currency ?? null,
    ],
    ['impact.casualties', 'impactLevel', (i) => i.impact?.casualties ?? null],
  ],
};

/** Every field of a graph record longer than its limit, named as the record names it. */
export function fieldLimitProblems<K extends RecordKind>(
  kind: K,
  record: RecordOf<K>,
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  for (const [field, limit, value] of checks[kind]) {
    const values = value(record);
    const list = Array.isArray(values) ? values : [values];
    list.forEach((text, i) => {
      if (text !== null && text.length > fieldLimits[limit])
        problems.push({
          field: Array.isArray(values) ? `${field}.${i}` : field,
          reason: `is ${text.length} characters long; ${tooLong(fieldLimits[limit])}`,
        });
    });
  }
  return problems;
}

/**
 * A reader's result with every record that has a field over its limit moved to the issues, each
 * naming the record and the field, so such a record is rejected before anything is written.
 */
export function withinFieldLimits(result: ReadResult, file: string): ReadResult {
  const issues = [...result.issues];
  const keep = <K extends RecordKind>(kind: K): RecordOf<K>[] =>
    (result.records[kind] as RecordOf<K>[]).filter((record) => {
      const problems = fieldLimitProblems(kind, record);
      const location = result.locations.get(`${kind}:${record.id}`) ?? kind;
      // An id over its limit is shown cut short: the issue names it, it need not repeat it whole.
      const recordId = record.id.length > fieldLimits.id ? `${record.id.slice(0, 40)}…` : record.id;
      for (const problem of problems) issues.push({ file, kind, location, recordId, ...problem });
      return problems.length === 0;
    });
  return {
    ...result,
    records: {
      sources: keep('sources'),
      actors: keep('actors'),
      campaigns: keep('campaigns'),
      organizations: keep('organizations'),
      incidents: keep('incidents'),
    },
    issues,
  };
}
