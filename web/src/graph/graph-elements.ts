/**
 * The API's subgraph as graphology's serialisation (`SubgraphNode.graphology`,
 * `SubgraphEdge.graphology`): `{ key, attributes }` and `{ key, source, target, attributes }`.
 * The field is a JSON object to GraphQL, so its shape is checked here, once: an element that
 * lacks what the view draws by is refused with what was wrong, never drawn half.
 */
export interface NodeElement {
  key: string;
  attributes: Record<string, unknown> & { nodeType: string; label: string; size: number };
}

export interface EdgeElement {
  key: string;
  source: string;
  target: string;
  attributes: Record<string, unknown> & { edgeType: string; weight: number; size: number };
}

/** A subgraph as the API answers it (`neighborhood`, `projection`), whatever query asked. */
export interface SubgraphAnswer {
  nodes: readonly { graphology: Record<string, unknown> }[];
  edges: readonly { graphology: Record<string, unknown> }[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fieldsOf(element: Record<string, unknown>, kind: string): Record<string, unknown> {
  const { attributes } = element;
  if (typeof element.key !== 'string' || !isRecord(attributes))
    throw new Error(
      `The API's ${kind} ${JSON.stringify(element.key)} is not a graphology element (it needs a string key and an attributes object).`,
    );
  return attributes;
}

function required(
  attributes: Record<string, unknown>,
  name: string,
  type: 'string' | 'number',
  where: string,
): void {
  if (typeof attributes[name] !== type)
    throw new Error(
      `The API's ${where} has no ${type} ${name} (found ${JSON.stringify(attributes[name])}).`,
    );
}

export function nodeElement(element: Record<string, unknown>): NodeElement {
  const attributes = fieldsOf(element, 'node');
  const key = element.key as string;
  const where = `node ${key}`;
  required(attributes, 'nodeType', 'string', where);
  required(attributes, 'label', 'string', where);
  required(attributes, 'size', 'number', where);
  return { key, attributes: attributes as NodeElement['attributes'] };
}

export function edgeElement(element: Record<string, unknown>): EdgeElement {
  const attributes = fieldsOf(element, 'edge');
  const key = element.key as string;
  const where = `edge ${key}`;
  if (typeof element.source !== 'string' || typeof element.target !== 'string')
    throw new Error(`The API's ${where} has no source or target.`);
  required(attributes, 'edgeType', 'string', where);
  required(attributes, 'weight', 'number', where);
  required(attributes, 'size', 'number', where);
  return {
    key,
    source: element.source,
    target: element.target,
    attributes: attributes as EdgeElement['attributes'],
  };
}

/** Two answers as one: each element once (the same relationship has the same key in both). */
export function mergeAnswers(first: SubgraphAnswer, second: SubgraphAnswer): SubgraphAnswer {
  const keyed = (elements: readonly { graphology: Record<string, unknown> }[]) =>
    new Map(elements.map((element) => [String(element.graphology.key), element]));
  return {
    nodes: [...keyed([...first.nodes, ...second.nodes]).values()],
    edges: [...keyed([...first.edges, ...second.edges]).values()],
  };
}
