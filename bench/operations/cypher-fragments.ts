/**
 * Small pieces the hand-written floor queries share. They restate the graph model's rules (a
 * sector's top level, a partial date at its precision) in plain Cypher rather than borrowing the
 * product's query builders, so the floor stays independent of the code it measures.
 */

/** The top-level sector of the sector bound to `s`: its parent, or itself. */
export const topLevel = (s: string): string =>
  `coalesce([(${s})-[:SUBSECTOR_OF]->(parentSector:Sector) | parentSector][0], ${s})`;

/** The sector `$sector` and its sub-sectors, bound as the list `sectors`. */
export const sectorWithSubsectors = `MATCH (top:Sector {id: $sector})
WITH [top] + [(sub:Sector)-[:SUBSECTOR_OF]->(top) | sub] AS sectors`;

/** An incident's start as reported: 2022, 2022-02 or 2022-02-24. */
export const reportedDate = (i: string): string =>
  `CASE ${i}.datePrecision WHEN 'YEAR' THEN left(toString(${i}.startDate), 4)
     WHEN 'MONTH' THEN left(toString(${i}.startDate), 7) ELSE toString(${i}.startDate) END`;
