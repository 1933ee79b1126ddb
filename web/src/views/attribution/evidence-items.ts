import { enumLabel } from '../../components/labels.js';
import { scoreText, type CandidateAnswer } from './candidate.js';

/** Something an evidence item names, which links to its page. */
export interface EvidenceLink {
  kind: 'sector' | 'country' | 'incident';
  /** The key (a country's alpha-2 code). */
  key: string;
  label: string;
}

/** The value of one evidence item: words and numbers, or the things it names. */
export type EvidenceValue =
  { kind: 'text'; text: string } | { kind: 'links'; links: EvidenceLink[] };

export interface EvidenceItem {
  label: string;
  value: EvidenceValue;
}

const text = (value: string): EvidenceValue => ({ kind: 'text', text: value });

const links = (
  kind: EvidenceLink['kind'],
  items: readonly { key?: string; code?: string; name?: string; title?: string }[],
): EvidenceValue => ({
  kind: 'links',
  links: items.map((item) => ({
    kind,
    key: item.key ?? item.code ?? '',
    label: item.name ?? item.title ?? '',
  })),
});

const orNone = (value: number | null, show: (value: number) => string): string =>
  value === null ? 'none' : show(value);

/** Each factor's part: how far it holds, its weight and what it adds, in the API's order. */
function componentItems(candidate: CandidateAnswer): EvidenceItem[] {
  return candidate.components.map((component) => ({
    label: `${enumLabel(component.factor)} (component)`,
    value: text(
      `${scoreText(component.value)} × ${component.weight.toFixed(2)} → ${scoreText(component.points)} points`,
    ),
  }));
}

/**
 * Everything the API gives as a candidate's reasons, as labelled items: its score and the score's
 * components, then the evidence. The candidate's card and the side-by-side comparison both list
 * these, so the two never disagree.
 */
export function evidenceItems(candidate: CandidateAnswer): EvidenceItem[] {
  const { evidence } = candidate;
  return [
    { label: 'Rank', value: text(String(candidate.rank)) },
    { label: 'Score', value: text(scoreText(candidate.score)) },
    ...componentItems(candidate),
    { label: 'Shared sectors', value: links('sector', evidence.sharedSectors) },
    { label: 'Shared countries', value: links('country', evidence.sharedCountries) },
    {
      label: 'Shared attack types',
      value: text(evidence.sharedAttackTypes.map(enumLabel).join(', ') || 'none'),
    },
    { label: 'Same-campaign incidents', value: links('incident', evidence.sameCampaignIncidents) },
    {
      label: 'Nearest other incident',
      value: text(
        orNone(evidence.nearestIncidentDays, (days) => `${days} ${days === 1 ? 'day' : 'days'}`),
      ),
    },
    { label: 'Reported sectors', value: links('sector', evidence.reportedSectors) },
    { label: 'Reported countries', value: links('country', evidence.reportedCountries) },
    { label: 'Supporting incidents', value: text(String(evidence.supportingIncidents)) },
    { label: 'Other incidents', value: text(String(evidence.otherIncidents)) },
    {
      label: 'Mean prior confidence',
      value: text(orNone(evidence.meanPriorConfidence, (mean) => mean.toFixed(1))),
    },
    { label: 'Confidence factor', value: text(evidence.confidenceFactor.toFixed(3)) },
    { label: 'Already attributed', value: text(candidate.alreadyAttributed ? 'yes' : 'no') },
  ];
}

export interface ComparisonRow {
  label: string;
  left: EvidenceValue;
  right: EvidenceValue;
  /** The two differ: the rows an analyst reads first. */
  differs: boolean;
}

const missing = text('—');

const sameValue = (a: EvidenceValue, b: EvidenceValue): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Two candidates item by item: every item either has, in the order of the first (items only the
 * second has, such as a factor the first lacks, follow).
 */
export function comparisonRows(left: CandidateAnswer, right: CandidateAnswer): ComparisonRow[] {
  const leftItems = evidenceItems(left);
  const rightItems = new Map(evidenceItems(right).map((item) => [item.label, item.value]));
  const labels = [
    ...leftItems.map((item) => item.label),
    ...[...rightItems.keys()].filter((label) => !leftItems.some((item) => item.label === label)),
  ];
  const leftValues = new Map(leftItems.map((item) => [item.label, item.value]));
  return labels.map((label) => {
    const a = leftValues.get(label) ?? missing;
    const b = rightItems.get(label) ?? missing;
    return { label, left: a, right: b, differs: !sameValue(a, b) };
  });
}
