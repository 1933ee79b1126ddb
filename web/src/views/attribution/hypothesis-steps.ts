/** A hypothesis as the workbench reads it, enough to say what may be done with it next. */
export interface HypothesisState {
  status: string;
  promotedClaimId: string | null;
  evidenceIncidentKeys: readonly string[];
  savedSuggestions: number;
}

export type HypothesisStep = 'attach' | 'support' | 'promote';

/**
 * The steps that may follow, in the workbench's order (attach the incident with the suggestions,
 * support, promote): a promoted hypothesis is kept as it was, and only a supported one is promoted.
 */
export function nextSteps(hypothesis: HypothesisState, incidentKey: string): HypothesisStep[] {
  if (hypothesis.promotedClaimId !== null) return [];
  const steps: HypothesisStep[] = [];
  if (!hypothesis.evidenceIncidentKeys.includes(incidentKey) || hypothesis.savedSuggestions === 0)
    steps.push('attach');
  if (hypothesis.status !== 'SUPPORTED') steps.push('support');
  else steps.push('promote');
  return steps;
}

/** Fields every edit changes, which say nothing about what the edit did. */
const bookkeeping = new Set(['version', 'updatedAt', 'createdAt', 'id']);

const shown = (value: unknown): string => {
  if (value === undefined || value === null) return '—';
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  return typeof value === 'string' ? value : JSON.stringify(value);
};

/**
 * What one audit record changed, field by field (`status: OPEN → SUPPORTED`): for a creation,
 * the values it was created with.
 */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (key) => !bookkeeping.has(key),
  );
  return keys.flatMap((key) => {
    const was = before?.[key];
    const is = after?.[key];
    if (JSON.stringify(was) === JSON.stringify(is)) return [];
    return before === null ? [`${key}: ${shown(is)}`] : [`${key}: ${shown(was)} → ${shown(is)}`];
  });
}
