import {
  fragment,
  param,
  statement,
  trusted,
  where,
  type Fragment,
  type Selection,
  type Statement,
} from '../db/cypher.js';
import { cypher, type Executor } from '../db/database.js';
import {
  keysetPage,
  type Keyset,
  type KeysetPage,
  type PagedRows,
  type SortKey,
} from './keyset.js';
import { CREATE_CHANGE } from './change-repository.js';
import { lockIfStillThere } from './write-lock.js';

/**
 * Researchers' working theories, kept apart from published claims: `(:Hypothesis)` about an
 * incident (`ABOUT`), suggesting an actor (`SUGGESTS`), with evidence (`EVIDENCE` to incidents and
 * sources) and saved rankings (JSON text). Not a node type of the graph model, so analyses and
 * traversals never count them.
 */
export interface HypothesisRow {
  id: string;
  version: number;
  incidentId: string;
  actorId: string;
  status: 'OPEN' | 'SUPPORTED' | 'REFUTED';
  confidence: number;
  rationale: string;
  author: string;
  createdAt: string;
  updatedAt: string;
  evidenceIncidentIds: string[];
  evidenceSourceIds: string[];
  savedSuggestions: string[];
  promotedClaimId: string | null;
}

const row = (h: string) => `${h} {.*,
    createdAt: toString(${h}.createdAt), updatedAt: toString(${h}.updatedAt),
    incidentId: COLLECT { MATCH (${h})-[:ABOUT]->(i:Incident) RETURN i.id }[0],
    actorId: COLLECT { MATCH (${h})-[:SUGGESTS]->(a:Actor) RETURN a.id }[0],
    evidenceIncidentIds: COLLECT { MATCH (${h})-[:EVIDENCE]->(e:Incident) RETURN e.id ORDER BY e.id },
    evidenceSourceIds: COLLECT { MATCH (${h})-[:EVIDENCE]->(e:Source) RETURN e.id ORDER BY e.id },
    savedSuggestions: coalesce(${h}.savedSuggestions, []),
    promotedClaimId: ${h}.promotedClaimId}`;

/** Takes the hypothesis's write lock, then reads it: what an edit checks is what it changes. */
export const LOCK_HYPOTHESIS = cypher<{ hypothesis: HypothesisRow }>(
  'lockHypothesis',
  `MATCH (h:Hypothesis {id: $id})
   ${lockIfStillThere('h', '$id')}
   RETURN ${row('h')} AS hypothesis`,
);

export const CREATE_HYPOTHESIS = cypher<{ hypothesis: HypothesisRow }>(
  'createHypothesis',
  `MATCH (i:Incident {id: $incidentId}), (a:Actor {id: $actorId})
   CREATE (h:Hypothesis {id: $id, version: 1, status: $status, confidence: $confidence,
     rationale: $rationale, author: $author, createdAt: datetime.realtime(), updatedAt: datetime.realtime()})
   CREATE (h)-[:ABOUT]->(i), (h)-[:SUGGESTS]->(a)
   WITH h
   ${CREATE_CHANGE}
   RETURN ${row('h')} AS hypothesis`,
);

/**
 * Applies `$set` (status, confidence, rationale, promotedClaimId, savedSuggestions) and new
 * evidence; the caller holds the locks and has compared the version.
 */
export const UPDATE_HYPOTHESIS = cypher<{ hypothesis: HypothesisRow }>(
  'updateHypothesis',
  `MATCH (h:Hypothesis {id: $id})
   SET h += $set, h.version = $version + 1, h.updatedAt = datetime.realtime()
   WITH h
   CALL (h) {
     UNWIND $evidenceIncidentIds AS eid MATCH (e:Incident {id: eid}) MERGE (h)-[:EVIDENCE]->(e)
   }
   CALL (h) {
     UNWIND $evidenceSourceIds AS eid MATCH (e:Source {id: eid}) MERGE (h)-[:EVIDENCE]->(e)
   }
   WITH h
   ${CREATE_CHANGE}
   RETURN ${row('h')} AS hypothesis`,
);

/**
 * Publishes a SUPPORTED hypothesis as an attribution claim, in one transaction: the claim, the
 * hypothesis marked as promoted, and both audit records (under the hypothesis and the incident).
 * The caller holds the locks and has checked the version and status.
 */
export const PROMOTE_HYPOTHESIS = cypher<{ hypothesis: HypothesisRow }>(
  'promoteHypothesis',
  `MATCH (h:Hypothesis {id: $id})
   MATCH (h)-[:ABOUT]->(i:Incident), (h)-[:SUGGESTS]->(a:Actor)
   CREATE (i)-[r:ATTRIBUTED_TO]->(a) SET r = $claim
   SET h.promotedClaimId = $claim.id, h.version = $version + 1, h.updatedAt = datetime.realtime()
   WITH h, i
   ${CREATE_CHANGE}
   CREATE (:Change {id: randomUUID(), at: datetime.realtime(), by: $claimChange.by, via: $claimChange.via,
     action: $claimChange.action, entityType: $claimChange.entityType, entityKey: $claimChange.entityKey,
     before: $claimChange.before, after: $claimChange.after})
   RETURN ${row('h')} AS hypothesis`,
);

export type HypothesisConditions = {
  incidentId: string | null;
  actorId: string | null;
  author: string | null;
  status: string | null;
};

export const hypothesisKeyset: Keyset = { list: 'hypotheses', parts: ['instant', 'text'] };

/** The hypotheses `h` that meet the conditions; each applies only when given. */
function hypothesesMatching(asked: HypothesisConditions): Selection {
  const { incidentId, actorId, author, status } = asked;
  const conditions: Fragment[] = [];
  if (incidentId !== null)
    conditions.push(
      fragment`EXISTS { (h)-[:ABOUT]->(:Incident {id: ${param(incidentId, 'incidentId')}}) }`,
    );
  if (actorId !== null)
    conditions.push(
      fragment`EXISTS { (h)-[:SUGGESTS]->(:Actor {id: ${param(actorId, 'actorId')}}) }`,
    );
  if (author !== null) conditions.push(fragment`h.author = ${param(author, 'author')}`);
  if (status !== null) conditions.push(fragment`h.status = ${param(status, 'status')}`);
  return { match: fragment`MATCH (h:Hypothesis)`, conditions };
}

/** The row of `h`: fixed text, shared with the statements above. */
const LISTED_ROW = trusted(row('h'));

/** Newest first, ties by id; positions are ISO date-times. */
const HYPOTHESIS_ORDER: readonly SortKey[] = [
  { by: fragment`h.createdAt`, direction: 'DESC', cast: (value) => fragment`datetime(${value})` },
  { by: fragment`h.id`, direction: 'ASC' },
];

function hypothesesStatement(
  asked: HypothesisConditions,
  page: KeysetPage,
): Statement<{ hypothesis: HypothesisRow }> {
  const { match, conditions } = hypothesesMatching(asked);
  const keyset = keysetPage(HYPOTHESIS_ORDER, page);
  return statement(
    'hypotheses',
    fragment`${match}
   ${where([...conditions, keyset.after])}
   WITH h ${keyset.orderBy} ${keyset.limit}
   RETURN ${LISTED_ROW} AS hypothesis`,
  );
}

function hypothesisCountStatement(asked: HypothesisConditions): Statement<{ count: number }> {
  const { match, conditions } = hypothesesMatching(asked);
  return statement(
    'countHypotheses',
    fragment`${match} ${where(conditions)} RETURN count(h) AS count`,
  );
}

/** A page of hypotheses, newest first. */
export async function listHypotheses(
  executor: Executor,
  conditions: HypothesisConditions,
  page: KeysetPage,
): Promise<PagedRows<HypothesisRow>> {
  const list = hypothesesStatement(conditions, page);
  const count = hypothesisCountStatement(conditions);
  return {
    rows: (await executor.read(list.query, list.params)).map((r) => r.hypothesis),
    count: async () => (await executor.read(count.query, count.params))[0]?.count ?? 0,
  };
}
