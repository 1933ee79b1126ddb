import type { Driver } from 'neo4j-driver';
import { timelinePoints } from '../src/analysis/timeline.js';
import type { CypherQuery, Executor, QueryParams } from '../src/db/database.js';
import { toPlain } from '../src/db/values.js';
import { countIncidents, listIncidents } from '../src/repositories/incident-repository.js';
import type { IncidentScope } from '../src/repositories/incident-filter.js';
import { withSubsectors, loadTaxonomy } from '../src/taxonomy/taxonomy.js';

/** The parents the probe asks about, fixed while the graph grows around them. */
export interface ScalingParents {
  actorId: string;
  sectorId: string;
  countryCode: string;
  campaignId: string;
}

/** A plan operator's database hits and those of the operators under it. */
interface PlanNode {
  dbHits: number;
  children: PlanNode[];
}

const totalHits = (plan: PlanNode): number =>
  plan.dbHits + plan.children.reduce((sum, child) => sum + totalHits(child), 0);

/**
 * Runs every read with PROFILE and adds up the database hits of its plan, so the statements the
 * repositories build for the API are measured exactly as they are sent. Reads only.
 */
class ProfilingExecutor implements Executor {
  readonly id = 'bench-scaling';
  roundTrips = 0;
  dbHits = 0;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  async read<Row>(query: CypherQuery<Row>, params: QueryParams = {}): Promise<Row[]> {
    this.roundTrips += 1;
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'READ' });
    try {
      const result = await session.executeRead((tx) => tx.run(`PROFILE ${query.text}`, params));
      const plan = result.summary.profile;
      if (!plan) throw new Error(`no profile came back for ${query.name}`);
      this.dbHits += totalHits(plan);
      return result.records.map((record) => toPlain(record.toObject()) as Row);
    } finally {
      await session.close();
    }
  }

  write(): Promise<never> {
    return Promise.reject(new Error('the scaling probe only reads'));
  }

  writeTransaction(): Promise<never> {
    return this.write();
  }

  /** None of the scoped statements it measures needs one. */
  readTransaction(): Promise<never> {
    return Promise.reject(new Error('the scaling probe reads statement by statement'));
  }
}

/** One measured statement: what it asks, of which parent, and how many incidents that parent has. */
export interface ScopedStatement {
  name: string;
  /** Whose incidents (a sector's with its sub-sectors') a cost following the parent follows. */
  parent: 'actor' | 'sector' | 'country' | 'campaign';
  run: (executor: Executor) => Promise<unknown>;
}

const newestFirst = { field: 'START_DATE', direction: 'DESC' } as const;
/** The page the 4-level query and the entity pages ask for. */
const firstPage = { first: 50, after: null };
/** What the 4-level query reads of each incident (the id and sort key are always read). */
const listedProperties = ['datePrecision', 'id', 'startDate', 'title'] as const;

function scopedList(scope: IncidentScope, parent: { id: string; sectorIds?: string[] }) {
  return (executor: Executor) =>
    listIncidents(
      executor,
      [parent],
      { scope, filter: {} },
      newestFirst,
      firstPage,
      listedProperties,
    );
}

/** The statements of Actor.incidents, Sector.incidents, Country.incidents, Campaign.incidents and a sector's timeline. */
export function scopedStatements(parents: ScalingParents): ScopedStatement[] {
  const sectorIds = withSubsectors([parents.sectorId], loadTaxonomy());
  const sector = { id: parents.sectorId, sectorIds };
  return [
    {
      name: `Actor.incidents(first: 50) of ${parents.actorId}`,
      parent: 'actor',
      run: scopedList('actor', { id: parents.actorId }),
    },
    {
      name: `Sector.incidents(first: 50) of ${parents.sectorId}`,
      parent: 'sector',
      run: scopedList('sector', sector),
    },
    {
      name: `Sector.incidents totalCount of ${parents.sectorId}`,
      parent: 'sector',
      run: (executor) => countIncidents(executor, [sector], { scope: 'sector', filter: {} }),
    },
    {
      name: `Country.incidents(first: 50) of ${parents.countryCode}`,
      parent: 'country',
      run: scopedList('country', { id: parents.countryCode }),
    },
    {
      name: `Campaign.incidents(first: 50) of ${parents.campaignId}`,
      parent: 'campaign',
      run: scopedList('campaign', { id: parents.campaignId }),
    },
    {
      name: `timeline(sectorIds: [${parents.sectorId}], bucket: YEAR)`,
      parent: 'sector',
      run: (executor) => timelinePoints(executor, { sectorIds }, 'YEAR', 'NONE'),
    },
  ];
}

/** Each statement's total database hits. */
export async function profileStatements(
  driver: Driver,
  database: string,
  statements: readonly ScopedStatement[],
): Promise<number[]> {
  const hits: number[] = [];
  for (const statement of statements) {
    const executor = new ProfilingExecutor(driver, database);
    await statement.run(executor);
    hits.push(executor.dbHits);
  }
  return hits;
}

const DEGREES = `
MATCH (a:Actor {id: $actorId})
MATCH (c:Country {iso2: $countryCode})
MATCH (k:Campaign {id: $campaignId})
RETURN COUNT { MATCH (a)<-[:ATTRIBUTED_TO]-(i:Incident) RETURN DISTINCT i } AS actor,
       COUNT { MATCH (s:Sector)<-[:TARGETED]-(i:Incident) WHERE s.id IN $sectorIds RETURN DISTINCT i } AS sector,
       COUNT { (c)<-[:AFFECTED]-(:Incident) } AS country,
       COUNT { (k)<-[:PART_OF]-(:Incident) } AS campaign,
       COUNT { (:Incident) } AS incidents`;

export type Degrees = Record<ScopedStatement['parent'] | 'incidents', number>;

/** How many incidents each parent has, and the graph in all. */
export async function degreesOf(
  driver: Driver,
  database: string,
  parents: ScalingParents,
): Promise<Degrees> {
  const sectorIds = withSubsectors([parents.sectorId], loadTaxonomy());
  const { records } = await driver.executeQuery(
    DEGREES,
    { ...parents, sectorIds },
    { database, routing: 'READ' },
  );
  const row = records[0];
  if (!row) throw new Error('a parent of the probe is missing from the database');
  return toPlain(row.toObject()) as Degrees;
}

const BUSIEST_CAMPAIGN = `
MATCH (k:Campaign)<-[:PART_OF]-(:Incident)
RETURN k.id AS id, count(*) AS n ORDER BY n DESC, id LIMIT 1`;

/** The campaign with the most incidents: like the mix's subjects, the heavy end of its list. */
export async function busiestCampaign(driver: Driver, database: string): Promise<string> {
  const { records } = await driver.executeQuery(
    BUSIEST_CAMPAIGN,
    {},
    { database, routing: 'READ' },
  );
  const id = records[0]?.get('id') as string | undefined;
  if (!id) throw new Error('the database has no incident in a campaign');
  return id;
}
