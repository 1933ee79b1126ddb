/**
 * How writes serialise. Neo4j reads at read-committed: a version compared before the node's write
 * lock is taken may be stale by the time the write lands, and two writers holding the same version
 * would both succeed. So every write first takes the write lock of each node it changes or refers
 * to, by writing to it (Neo4j's documented way), then reads it, compares, and writes. A lock holds
 * until the transaction ends; the property is removed in the same statement, so it never commits.
 *
 * Locks are taken in one order, so that two writers do not wait for each other: the node the
 * mutation is about first, then what it refers to by label (incidents, actors, organizations,
 * campaigns, sources), each by key. A deadlock left anyway is a transient error: the driver runs
 * the whole transaction again, checks included.
 */
export const lock = (variable: string): string =>
  `SET ${variable}._lock = true REMOVE ${variable}._lock`;

/**
 * Locks `variable` and keeps the row only if the node is still there. A node deleted by the
 * transaction whose lock this one waited for still takes the lock, and then reads as having no
 * properties (Neo4j raises nothing), so its key is read again after the lock.
 */
export const lockIfStillThere = (variable: string, key: string): string =>
  `${lock(variable)}
   WITH * WHERE ${variable}.id = ${key}`;

/**
 * Creates `(variable:label {id: key})` and keeps the row only if this statement created it, not
 * if the key was taken. MERGE on a key with a uniqueness constraint locks the key, so of
 * concurrent creates of one key exactly one creates the node and the others find it taken.
 */
export const createUnlessTaken = (variable: string, label: string, key: string): string =>
  `MERGE (${variable}:${label} {id: ${key}}) ON CREATE SET ${variable}._created = true
   WITH * WHERE ${variable}._created
   REMOVE ${variable}._created`;
