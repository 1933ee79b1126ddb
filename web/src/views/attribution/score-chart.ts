import type { ChartTable } from '../../charts/chart-files.js';
import type { ChartOption } from '../../charts/echarts.js';
import { enumLabel } from '../../components/labels.js';
import type { CandidateAnswer } from './candidate.js';

/** The factors the candidates' scores are made of, in the order the API gives them. */
export function factorsOf(candidates: readonly CandidateAnswer[]): string[] {
  const factors: string[] = [];
  for (const candidate of candidates)
    for (const { factor } of candidate.components)
      if (!factors.includes(factor)) factors.push(factor);
  return factors;
}

const pointsOf = (candidate: CandidateAnswer, factor: string): number =>
  candidate.components.find((component) => component.factor === factor)?.points ?? 0;

/** Three decimals, as the table and the evidence show them; the chart keeps full values. */
const rounded = (value: number): number => Math.round(value * 1000) / 1000;

/** What a bar carries besides its value: the actor behind it, so a click opens its page. */
export interface ScoreBarDatum {
  value: number;
  actorKey: string;
}

/**
 * A stacked horizontal bar per candidate, best at the top, one segment per factor: each segment
 * is the points the factor adds, so a bar's length is the candidate's score.
 */
export function scoreChartOption(candidates: readonly CandidateAnswer[]): ChartOption {
  const factors = factorsOf(candidates);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 40, bottom: 32, containLabel: true },
    xAxis: { type: 'value', name: 'Score', nameLocation: 'middle', nameGap: 24, min: 0, max: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: candidates.map((candidate) => `${candidate.rank}. ${candidate.actor.name}`),
    },
    series: factors.map((factor) => ({
      type: 'bar',
      name: enumLabel(factor),
      stack: 'score',
      data: candidates.map((candidate): ScoreBarDatum => ({
        value: pointsOf(candidate, factor),
        actorKey: candidate.actor.key,
      })),
    })),
  };
}

/** The chart's numbers: per candidate its score and each factor's points. */
export function scoreTable(candidates: readonly CandidateAnswer[]): ChartTable {
  const factors = factorsOf(candidates);
  return {
    columns: [
      'Actor',
      'Actor id',
      'Rank',
      'Score',
      ...factors.map((factor) => `${enumLabel(factor)} points`),
    ],
    rows: candidates.map((candidate) => [
      candidate.actor.name,
      candidate.actor.key,
      candidate.rank,
      rounded(candidate.score),
      ...factors.map((factor) => rounded(pointsOf(candidate, factor))),
    ]),
  };
}

/** The actor a clicked bar stands for, if the click was on one. */
export function actorOfBar(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || !('actorKey' in data)) return null;
  return typeof data.actorKey === 'string' ? data.actorKey : null;
}
