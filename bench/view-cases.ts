import type { Subjects } from './query-mix.js';

/** One view as the benchmark opens it: its address, and when its answer is on screen. */
export interface ViewCase {
  name: string;
  address: string;
  /** A predicate run in the page (a string: the page is driven through Playwright). */
  answered: string;
}

/** A chart panel has drawn (the panel is only shown with an answer) and nothing is loading. */
const chartAnswered = `document.querySelector('.chart-panel canvas') !== null && document.querySelector('.state-loading') === null`;

/** The analyst views, each opened by its address as an analyst would land on it. */
export function viewCases(subjects: Subjects): ViewCase[] {
  return [
    { name: '/cross-border', address: '/cross-border', answered: chartAnswered },
    { name: '/matrix', address: '/matrix', answered: chartAnswered },
    { name: '/timeline', address: '/timeline', answered: chartAnswered },
    { name: '/map', address: '/map', answered: chartAnswered },
    {
      name: '/attribution (the unattributed incidents to pick from)',
      address: '/attribution',
      answered: `document.querySelector('.unattributed-items li') !== null`,
    },
    {
      name: '/attribution?incident=… (the busiest actor’s latest incident)',
      address: `/attribution?incident=${encodeURIComponent(subjects.incidentId)}`,
      answered: chartAnswered,
    },
  ];
}
