/**
 * The explorer's addresses, built in one place. Objects are addressed by their key (the global id
 * without its type: `/actors/sandworm`), countries by their alpha-2 code; the API accepts both.
 */
const at = (prefix: string, key: string): string => `/${prefix}/${encodeURIComponent(key)}`;

export const actorPath = (key: string): string => at('actors', key);
export const incidentPath = (key: string): string => at('incidents', key);
export const sectorPath = (key: string): string => at('sectors', key);
export const countryPath = (code: string): string => at('countries', code);
/** The search results for a text, with the filter `carried` (`?…`, from useIncidentFilter). */
export const searchPath = (text: string, carried = ''): string => {
  const params = new URLSearchParams(carried);
  params.set('q', text);
  return `/search?${params}`;
};
/** The graph view started from one node (a global id, `Actor:sandworm`). */
export const graphPath = (nodeId: string): string =>
  `/graph?${new URLSearchParams({ node: nodeId })}`;

/** The key of a global id (`Actor:sandworm` → `sandworm`), as the addresses above take it. */
export const keyOf = (globalId: string): string => globalId.slice(globalId.indexOf(':') + 1);

/**
 * The page of a graph node (a global id and its type), for the types that have one; null for
 * organisations, campaigns and sources, which the explorer shows only in the graph.
 */
export function nodePagePath(type: string, globalId: string): string | null {
  const key = keyOf(globalId);
  switch (type) {
    case 'Actor':
      return actorPath(key);
    case 'Incident':
      return incidentPath(key);
    case 'Sector':
      return sectorPath(key);
    case 'Country':
      return countryPath(key);
    default:
      return null;
  }
}
