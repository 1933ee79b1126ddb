import { nodeLabels, type NodeLabel } from '../db/graph-model.js';
import { appError, ErrorCode } from '../errors.js';

/** The types that have global ids, and so can be fetched with `node(id:)`. */
export const nodeTypes = [
  'Actor',
  'Incident',
  'Sector',
  'Country',
  'Campaign',
  'Organization',
  'Source',
  'Dataset',
] as const;
export type NodeType = (typeof nodeTypes)[number];

/** A node named by type and key: what a global id stands for. */
export interface NodeRef {
  type: NodeType;
  key: string;
}

/** A node of the graph model, which traversals walk (a dataset is a record of imports). */
export interface GraphNodeRef extends NodeRef {
  type: NodeLabel;
}

/** `Actor:sandworm`: readable, stable, and unique across types (a sector and an actor may share a slug). */
export function toGlobalId(type: NodeType, key: string): string {
  return `${type}:${key}`;
}

export function parseGlobalId(id: string): NodeRef | undefined {
  const colon = id.indexOf(':');
  if (colon < 0) return undefined;
  const type = id.slice(0, colon);
  const key = id.slice(colon + 1);
  return (nodeTypes as readonly string[]).includes(type) && key !== ''
    ? { type: type as NodeType, key }
    : undefined;
}

/**
 * The key behind an id given for a known type: the global id of that type, or the bare key.
 * A global id of another type is a client mistake worth naming rather than a silent miss.
 */
export function keyFor(type: NodeType, id: string, argument: string): string {
  const parsed = parseGlobalId(id);
  if (!parsed) return id;
  if (parsed.type !== type) {
    throw appError(
      ErrorCode.BAD_USER_INPUT,
      `Argument "${argument}" expects a ${type} id, got the ${parsed.type} id "${id}".`,
      {
        argument,
      },
    );
  }
  return parsed.key;
}

/** A global id argument of any type, or a BAD_USER_INPUT that says what a global id looks like. */
export function nodeArgument(id: string, argument: string): NodeRef {
  const parsed = parseGlobalId(id);
  if (!parsed)
    throw appError(
      ErrorCode.BAD_USER_INPUT,
      `Argument "${argument}" needs global ids such as Actor:sandworm, got "${id}".`,
      { argument },
    );
  return parsed;
}

/** A global id argument of a node the graph's traversals walk; a dataset's is refused, named. */
export function graphNodeArgument(id: string, argument: string): GraphNodeRef {
  const ref = nodeArgument(id, argument);
  if (!(nodeLabels as readonly string[]).includes(ref.type))
    throw appError(
      ErrorCode.BAD_USER_INPUT,
      `Argument "${argument}": "${id}" is a ${ref.type}, a record of imports, not part of the graph traversed.`,
      { argument },
    );
  return ref as GraphNodeRef;
}
