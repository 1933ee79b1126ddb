import {
  fragment,
  join,
  param,
  statement,
  trusted,
  variable,
  where,
  type Fragment,
  type Statement,
} from '../db/cypher.js';
import type { Executor } from '../db/database.js';
import {
  nodeIdentity,
  nodeKeys,
  nodeLabels,
  type GraphNodeRef,
  type NodeLabel,
} from '../db/graph-model.js';
import { claimKey } from '../repositories/attribution-write-repository.js';
import { incidentsMatching, type IncidentConditions } from '../repositories/incident-filter.js';
import {
  countsIncidents,
  countsVictimology,
  victimologyConditionsOf,
  type AnalysisBasis,
} from '../repositories/victimology-filter.js';
import { attributedIncidentTargets } from './attributed-targets.js';
import { reportedCountryLinks, reportedSectorLinks } from './reported-links.js';
import { topLevelSector } from '../repositories/sector-rollup.js';

/**
 * The graph shape visualisation tools take: nodes named by type and key, edges by their type and
 * ends. `properties` repeats `type`, `label` and `weight`; it never holds an `id`, which would
 * contradict the one a node or an edge is given where properties are spread into an element: a
 * node's stored key is `key`, a claim's id `claimId`.
 */
export interface SubgraphNodeRecord extends GraphNodeRef {
  label: string;
  properties: Record<string, unknown>;
  /** The summed weight of the answer's edges at this node: what a picture sizes it by. */
  strength: number;
}

/** A node before the answer it belongs to is complete. */
export type SubgraphNodeDraft = Omit<SubgraphNodeRecord, 'strength'>;

/**
 * What names an edge: its type and ends, plus, where two relationships of one type may join the
 * same two nodes, what tells them apart (`parallelKey`): each claim is an edge of its own.
 */
export interface SubgraphEdgeRef {
  type: string;
  source: GraphNodeRef;
  target: GraphNodeRef;
  parallelKey: string | null;
}

export interface SubgraphEdgeRecord extends SubgraphEdgeRef {
  weight: number;
  properties: Record<string, unknown>;
}

/** An edge's identity, `TARGETED:Incident:…->Sector:…`, `#` and the parallel key where it has one. */
export function edgeIdentity(edge: SubgraphEdgeRef): string {
  const ends = `${edge.type}:${nodeIdentity(edge.source)}->${nodeIdentity(edge.target)}`;
  return edge.parallelKey === null ? ends : `${ends}#${edge.parallelKey}`;
}

export interface SubgraphRecord {
  nodes: SubgraphNodeRecord[];
  edges: SubgraphEdgeRecord[];
  truncated: boolean;
}

/** A stored node named by its label of the model and its key, as the `ref` Cypher below returns it. */
export interface StoredRef {
  /** Null for a node of no label of the model (none exist, but the data is not ours to trust). */
  label: NodeLabel | null;
  key: string;
}

/** A stored node as the `stored` Cypher below returns it. */
export interface StoredNode extends StoredRef {
  /** What names it for people: its name, title or URL, whichever it has. */
  name: unknown;
  /** Its stored properties; null when the client selected none of what shows them. */
  props: Record<string, unknown> | null;
}

const displayName = (node: StoredNode): string =>
  typeof node.name === 'string' ? node.name : node.key;

const ofTheModel = <Node extends StoredRef>(node: Node): node is Node & { label: NodeLabel } =>
  node.label !== null;

/** Stored properties without the `id` that the ids of a subgraph's nodes and edges replace. */
const withoutId = (props: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(props).filter(([name]) => name !== 'id'));

/** Nodes the queries matched by a model label always have one. */
export function modelNode(node: StoredNode): SubgraphNodeDraft {
  if (!ofTheModel(node)) throw new Error(`node ${node.key} has no label of the model`);
  return subgraphNode(node);
}

/**
 * The subgraph node of a stored one. Without stored properties (the client selected nothing that
 * shows them) its properties are only the key, type and label.
 */
export function subgraphNode(node: StoredNode & { label: NodeLabel }): SubgraphNodeDraft {
  const label = displayName(node);
  const stored = node.props === null ? {} : withoutId(node.props);
  return {
    type: node.label,
    key: node.key,
    label,
    properties: { ...stored, key: node.key, type: node.label, label },
  };
}

/** The type and key of a stored node, which must have a label of the model. */
function modelRef(node: StoredRef): GraphNodeRef {
  if (!ofTheModel(node)) throw new Error(`node ${node.key} has no label of the model`);
  return { type: node.label, key: node.key };
}

export function subgraphEdge(
  type: string,
  source: GraphNodeRef,
  target: GraphNodeRef,
  weight: number,
  extra: Record<string, unknown> = {},
  parallelKey: string | null = null,
): SubgraphEdgeRecord {
  return {
    type,
    source: { type: source.type, key: source.key },
    target: { type: target.type, key: target.key },
    parallelKey,
    weight,
    properties: { ...withoutId(extra), type, weight },
  };
}

/** Edges in a stable order, whatever order the database found them in: by identity. */
export const byEdgeIdentity = (a: SubgraphEdgeRef, b: SubgraphEdgeRef): number => {
  const [first, second] = [edgeIdentity(a), edgeIdentity(b)];
  return first < second ? -1 : first > second ? 1 : 0;
};

/** Nodes and edges once each, however many times the rows name them. */
export class SubgraphParts {
  readonly #nodes = new Map<string, SubgraphNodeDraft>();
  readonly #edges = new Map<string, SubgraphEdgeRecord>();

  addNode(node: SubgraphNodeDraft): void {
    this.#nodes.set(nodeIdentity(node), node);
  }

  addEdge(edge: SubgraphEdgeRecord): void {
    this.#edges.set(edgeIdentity(edge), edge);
  }

  complete(truncated: boolean): SubgraphRecord {
    return completeSubgraph(this.#nodes.values(), this.#edges.values(), truncated);
  }
}

/** The answer: edges in identity order, each node with the summed weight of its edges. */
export function completeSubgraph(
  nodes: Iterable<SubgraphNodeDraft>,
  edges: Iterable<SubgraphEdgeRecord>,
  truncated: boolean,
): SubgraphRecord {
  // Each identity built once, not twice per comparison of the sort.
  const sorted = [...edges]
    .map((edge) => ({ edge, identity: edgeIdentity(edge) }))
    .sort((a, b) => (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0))
    .map(({ edge }) => edge);
  const strength = new Map<string, number>();
  for (const edge of sorted) {
    for (const end of [edge.source, edge.target]) {
      const identity = nodeIdentity(end);
      strength.set(identity, (strength.get(identity) ?? 0) + edge.weight);
    }
  }
  return {
    nodes: [...nodes].map((node) => ({ ...node, strength: strength.get(nodeIdentity(node)) ?? 0 })),
    edges: sorted,
    truncated,
  };
}

/** A stored relationship with its two ends, as the `link` Cypher below returns it. */
export interface StoredLink {
  type: string;
  source: StoredRef;
  target: StoredRef;
  /** Its stored properties; null when the client selected none of what shows them. */
  props: Record<string, unknown> | null;
  /** The claim's id for an ATTRIBUTED_TO relationship, else null. */
  claimId: string | null;
  /** The kind of an AFFILIATED_WITH relationship, which tells two affiliations apart; else null. */
  kind: unknown;
}

/**
 * The subgraph edge of a stored relationship, keeping its stored direction. A claim's edge is
 * told apart by its claim id and says who claimed it even when nobody is named; two affiliations
 * between the same actors by their kind.
 */
export function linkEdge(link: StoredLink): SubgraphEdgeRecord {
  const source = modelRef(link.source);
  const target = modelRef(link.target);
  const props = link.props ?? {};
  if (link.claimId !== null) {
    const claim = { ...props, claimId: link.claimId, claimedBy: props.claimedBy ?? null };
    return subgraphEdge(link.type, source, target, 1, claim, link.claimId);
  }
  const { kind } = link;
  return subgraphEdge(link.type, source, target, 1, props, typeof kind === 'string' ? kind : null);
}

/** The labels of the graph model: the only labels a traversal walks or a stored node is named by. */
export const MODEL_LABELS = param(nodeLabels, 'labels');

/**
 * Cypher that returns the relationship the caller's text binds to `r` as a StoredLink: its ends by
 * label and key only, since the answer holds each node once; its properties only when `properties`
 * says.
 */
export function link(r: string, properties: boolean): Fragment {
  const rel = trusted(r);
  const props = properties ? fragment`properties(${rel})` : fragment`null`;
  return fragment`{type: type(${rel}), source: ${ref(fragment`startNode(${rel})`)}, target: ${ref(fragment`endNode(${rel})`)}, props: ${props},
    claimId: CASE type(${rel}) WHEN 'ATTRIBUTED_TO' THEN ${trusted(claimKey(r))} END,
    kind: CASE type(${rel}) WHEN 'AFFILIATED_WITH' THEN ${rel}.kind END}`;
}

/** The map entries that name a node's label (from the model) and key, whatever it is. */
function refEntries(node: Fragment): Fragment {
  const label = variable('l');
  return fragment`label: head([${label} IN labels(${node}) WHERE ${label} IN ${MODEL_LABELS}]), key: coalesce(${node}.id, ${node}.iso2)`;
}

/** Cypher that returns a node as a StoredRef. */
const ref = (node: Fragment): Fragment => fragment`{${refEntries(node)}}`;

/** What of a subgraph the client selected that costs the database work of its own. */
export interface SubgraphSelection {
  /** The nodes' stored properties (`properties`, and the graph libraries' elements, which hold them). */
  nodeProperties: boolean;
  /** The edges' stored properties, likewise. */
  edgeProperties: boolean;
}

/** Cypher that returns a node as a StoredNode, its properties only when `properties` says. */
export function stored(node: Fragment, properties: boolean): Fragment {
  const props = properties ? fragment`properties(${node})` : fragment`null`;
  return fragment`{${refEntries(node)}, name: coalesce(${node}.name, ${node}.title, ${node}.url), props: ${props}}`;
}

/**
 * The picture an analyst wants first: actors linked to the (top-level) sectors and the countries
 * their incidents hit, each link weighted by the number of incidents (TARGETS_SECTOR, HITS_COUNTRY);
 * with reported victimology, REPORTED_TARGETS links to the top-level sectors and countries the
 * actor is reported to target (weight 1, the strongest confidence kept); plus each actor's origin.
 * One query per basis part.
 */
export async function projection(
  executor: Executor,
  filter: IncidentConditions,
  basis: AnalysisBasis,
  minWeight: number,
  selection: SubgraphSelection,
): Promise<SubgraphRecord> {
  const row = projectedRow(selection.nodeProperties);
  const parts = [
    countsIncidents(basis) ? projectedIncidents(filter, minWeight, row) : null,
    countsVictimology(basis) ? projectedVictimology(filter, row) : null,
  ].filter((part) => part !== null);
  const rows = (
    await Promise.all(parts.map((built) => executor.read(built.query, built.params)))
  ).flat();
  const answer = new SubgraphParts();
  for (const row of rows) {
    const actor = modelNode(row.actor);
    const target = modelNode(row.target);
    answer.addNode(actor);
    answer.addNode(target);
    const extra = row.confidence === null ? {} : { confidence: row.confidence };
    answer.addEdge(subgraphEdge(row.type, actor, target, row.weight, extra));
    for (const origin of row.origins) {
      const country = modelNode(origin);
      answer.addNode(country);
      answer.addEdge(subgraphEdge('ORIGINATES_FROM', actor, country, 1));
    }
  }
  return answer.complete(false);
}

interface ProjectedLink {
  actor: StoredNode;
  target: StoredNode;
  type: string;
  weight: number;
  confidence: number | null;
  origins: StoredNode[];
}

/** Each projected link of the actor `a` to `t` as a row, with the actor's origins. */
const projectedRow = (properties: boolean): Fragment =>
  fragment`OPTIONAL CALL (a) { MATCH (a)-[o:ORIGINATES_FROM]->(origin:Country) RETURN collect(${stored(fragment`origin`, properties)}) AS origins }
RETURN ${stored(fragment`a`, properties)} AS actor, ${stored(fragment`t`, properties)} AS target, type, weight, confidence, origins`;

/** Actors linked to the top-level sectors and the countries of their incidents, by count. */
const projectedIncidents = (
  filter: IncidentConditions,
  minWeight: number,
  projectedRow: Fragment,
): Statement<ProjectedLink> =>
  statement(
    'analysis:projection',
    fragment`${attributedIncidentTargets(filter)}
UNWIND [x IN sectors | {node: x, type: 'TARGETS_SECTOR'}] + [x IN countries | {node: x, type: 'HITS_COUNTRY'}] AS link
WITH a, link.node AS t, link.type AS type, count(DISTINCT i) AS weight, null AS confidence
WHERE weight >= ${param(minWeight, 'minWeight')}
${projectedRow}`,
  );

/** Actors linked to the top-level sectors and the countries they are reported to target. */
function projectedVictimology(
  filter: IncidentConditions,
  projectedRow: Fragment,
): Statement<ProjectedLink> {
  const reported = victimologyConditionsOf(filter);
  return statement(
    'analysis:projection',
    fragment`CALL () {
  ${reportedSectorLinks(reported)}
  RETURN a, ${topLevelSector(fragment`s`)} AS target, t.confidence AS confidence
  UNION ALL
  ${reportedCountryLinks(reported)}
  RETURN a, c AS target, t.confidence AS confidence
}
WITH a, target AS t, 'REPORTED_TARGETS' AS type, 1 AS weight, max(confidence) AS confidence
${projectedRow}`,
  );
}

/**
 * Everything within `depth` hops of the start nodes (incidents only where they pass the filter),
 * at most `limit` nodes — `truncated` says when the cap cut the picture — and every edge among
 * the nodes returned.
 */
export async function neighborhood(
  executor: Executor,
  starts: GraphNodeRef[],
  depth: number,
  limit: number,
  filter: IncidentConditions,
  selection: SubgraphSelection,
): Promise<SubgraphRecord> {
  const allowed = await incidentsAllowed(executor, filter);
  const built = neighborhoodStatement(starts, depth, limit, allowed, selection);
  const [row] = await executor.read(built.query, built.params);
  if (!row) return { nodes: [], edges: [], truncated: false };
  const nodes = row.nodes.filter(ofTheModel).map(subgraphNode);
  const kept = new Set(nodes.map(nodeIdentity));
  const parts = new SubgraphParts();
  for (const node of nodes) parts.addNode(node);
  for (const link of row.links) {
    if (!ofTheModel(link.source) || !ofTheModel(link.target)) continue;
    const edge = linkEdge(link);
    if (kept.has(nodeIdentity(edge.source)) && kept.has(nodeIdentity(edge.target)))
      parts.addEdge(edge);
  }
  return parts.complete(row.truncated);
}

/** The ids of the incidents the filter selects; null when it selects every incident. */
async function incidentsAllowed(
  executor: Executor,
  filter: IncidentConditions,
): Promise<string[] | null> {
  const { match, conditions } = incidentsMatching(filter);
  const built = statement<{ id: string }>(
    'analysis:neighborhoodIncidents',
    fragment`${match}\n${where(conditions)}\nRETURN i.id AS id`,
  );
  // Without a condition, only a full-text search (the one match with a parameter) selects.
  if (conditions.length === 0 && Object.keys(built.params).length === 0) return null;
  return (await executor.read(built.query, built.params)).map((r) => r.id);
}

/**
 * Binds `n` to each start, in the order given, through the uniqueness constraint of its label:
 * one lookup per label the starts name (labels and key names from the model's allow-list).
 */
function startNodes(starts: readonly GraphNodeRef[]): Fragment {
  const labels = nodeLabels.filter((label) => starts.some((start) => start.type === label));
  const lookups = labels.map(
    (label) =>
      fragment`WITH s WHERE s.type = '${trusted(label)}'
  MATCH (n:${trusted(label)} {${trusted(nodeKeys[label])}: s.key})
  RETURN n`,
  );
  return fragment`UNWIND ${param(starts, 'starts')} AS s
CALL (s) {
  ${join(lookups, '\n  UNION ALL\n  ')}
}`;
}

/**
 * Every node within `depth` hops of the starts through nodes of the model, an incident only when
 * `allowed` (null: any), at most `limit` of them, each once, and the relationships among them by
 * the label and key of their ends.
 */
function neighborhoodStatement(
  starts: GraphNodeRef[],
  depth: number,
  limit: number,
  allowed: string[] | null,
  selection: SubgraphSelection,
): Statement<{ nodes: StoredNode[]; links: StoredLink[]; truncated: boolean }> {
  const most = param(limit, 'limit');
  const ids = param(allowed, 'allowed');
  // depth is an integer 1–3 checked by the resolver; Cypher takes no parameter for path length.
  return statement(
    'analysis:neighborhood',
    fragment`${startNodes(starts)}
MATCH p = (n)-[*0..${trusted(String(depth))}]-(m)
WHERE all(x IN nodes(p) WHERE any(l IN labels(x) WHERE l IN ${MODEL_LABELS}))
  AND (${ids} IS NULL OR all(x IN nodes(p) WHERE NOT x:Incident OR x.id IN ${ids}))
WITH DISTINCT m LIMIT toInteger(${most}) + 1
WITH collect(m) AS found
WITH found[0..toInteger(${most})] AS kept, size(found) > toInteger(${most}) AS truncated
CALL (kept) {
  UNWIND kept AS x
  MATCH (x)-[r]->(y) WHERE y IN kept
  RETURN collect(${link('r', selection.edgeProperties)}) AS links
}
RETURN [x IN kept | ${stored(fragment`x`, selection.nodeProperties)}] AS nodes, links, truncated`,
  );
}
