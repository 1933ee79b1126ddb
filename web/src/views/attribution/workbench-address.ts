/**
 * The workbench's state in the address: the incident worked on, the two candidates compared (actor
 * keys), and the page of the unattributed list. The shared filter's parameters live beside them.
 */
export interface WorkbenchState {
  incident: string | null;
  compare: string[];
  after: string | null;
}

export const workbenchParams = {
  incident: 'incident',
  compare: 'compare',
  after: 'after',
} as const;

const nonEmpty = (value: string | null): string | null =>
  value === null || value.trim() === '' ? null : value.trim();

export function workbenchStateOf(params: URLSearchParams): WorkbenchState {
  return {
    incident: nonEmpty(params.get(workbenchParams.incident)),
    compare: params.getAll(workbenchParams.compare).filter((key) => key !== ''),
    after: nonEmpty(params.get(workbenchParams.after)),
  };
}

/** The params with the incident chosen (the comparison and the list's page belong to another). */
export function withIncident(params: URLSearchParams, incident: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete(workbenchParams.compare);
  next.delete(workbenchParams.after);
  if (incident === null) next.delete(workbenchParams.incident);
  else next.set(workbenchParams.incident, incident);
  return next;
}

/** The params with `actor` added to the comparison or taken out of it; at most two are kept. */
export function withComparedToggled(params: URLSearchParams, actor: string): URLSearchParams {
  const current = params.getAll(workbenchParams.compare);
  const compared = current.includes(actor)
    ? current.filter((key) => key !== actor)
    : [...current, actor].slice(-2);
  const next = new URLSearchParams(params);
  next.delete(workbenchParams.compare);
  for (const key of compared) next.append(workbenchParams.compare, key);
  return next;
}

export function withListPage(params: URLSearchParams, after: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  if (after === null) next.delete(workbenchParams.after);
  else next.set(workbenchParams.after, after);
  return next;
}

/**
 * What is wrong with the comparison the address asks for, given the candidates' actor keys;
 * null when it names two of them, or fewer than two (nothing to compare yet).
 */
export function comparisonProblem(compare: readonly string[], candidates: readonly string[]) {
  if (compare.length > 2)
    return `Only two candidates can be compared at a time; the address names ${compare.length}.`;
  const unknown = compare.filter((key) => !candidates.includes(key));
  if (unknown.length > 0)
    return `Not among this incident's candidates: ${unknown.join(', ')}. Pick two from the list.`;
  if (compare.length === 2 && compare[0] === compare[1]) return 'Pick two different candidates.';
  return null;
}

/** The workbench opened on one incident (its key). */
export const attributionPath = (incidentKey: string): string =>
  `/attribution?${new URLSearchParams({ [workbenchParams.incident]: incidentKey })}`;
