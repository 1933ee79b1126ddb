import {
  isNodeLabel,
  isNodeType,
  nodeIdentity,
  type GraphNodeRef,
  type NodeRef,
  type NodeType,
} from '../db/graph-model.js';
import { appError, ErrorCode } from '../errors.js';

/**
 * A global id is the node's identity in the graph model, `Actor:sandworm`: readable, stable, and
 * unique across types. Every node type of the model has them, and so can be fetched with
 * `node(id:)`; the subgraphs' edge ids and their order are made of the same identities.
 */
export function toGlobalId(type: NodeType, key: string): string {
  return nodeIdentity({ type, key });
}

export function parseGlobalId(id: string): NodeRef | undefined {
  const colon = id.indexOf(':');
  if (colon < 0) return undefined;
  const type = id.slice(0, colon);
  const key = id.slice(colon + 1);
  return isNodeType(type) && key !== '' ? { type, key } : undefined;
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

/** The keys behind a list argument of ids of one type (see keyFor). */
export function keysFor(type: NodeType, ids: readonly string[], argument: string): string[] {
  return ids.map((id) => keyFor(type, id, argument));
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
  if (!isNodeLabel(ref.type))
    throw appError(
      ErrorCode.BAD_USER_INPUT,
      `Argument "${argument}": "${id}" is a ${ref.type}, a record of imports, not part of the graph traversed.`,
      { argument },
    );
  return { type: ref.type, key: ref.key };
}
