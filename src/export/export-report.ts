/**
 * What an export left out. An export never stops on what it reads: an item the graph holds
 * inconsistently (a node without its name, a link to a node that does not exist, a property of the
 * wrong type) is left out, logged as a warning and counted, and the export says so at its end.
 */

/** The kinds of item an export reads; a problem belongs to the item whose row showed it. */
export type ItemKind = 'incident' | 'actor' | 'campaign' | 'organization' | 'source';

/**
 * Which part of an item a problem concerns: `item` when the whole item is left out, otherwise the
 * list or property that lost something (so that a CSV table reports only what it writes).
 */
export type ItemPart =
  | 'item'
  | 'properties'
  | 'sectors'
  | 'countries'
  | 'organizations'
  | 'campaign'
  | 'sources'
  | 'claims'
  | 'origins'
  | 'sponsors'
  | 'affiliations'
  | 'targets';

export interface ExportProblem {
  kind: ItemKind;
  key: string;
  part: ItemPart;
  /** What was wrong and what was left out, for people: `incident "x": … — left out`. */
  message: string;
}

/** Where problems go; a second pass over rows already reported passes them to `ignoreProblems`. */
export type ProblemSink = (problem: ExportProblem) => void;

export const ignoreProblems: ProblemSink = () => undefined;

/** A sink passing on only the problems of the parts a writer writes (an item left out always). */
export const onlyParts =
  (sink: ProblemSink, parts: readonly ItemPart[]): ProblemSink =>
  (problem) => {
    if (problem.part === 'item' || parts.includes(problem.part)) sink(problem);
  };

/** How many problems are listed (logged one by one and named in the summary); the rest are counted. */
export const LISTED_PROBLEMS = 100;

/** The part of a pino logger a report writes to. */
export interface WarningLog {
  warn(fields: object, message: string): void;
}

/** The problems of one export: the first LISTED_PROBLEMS listed and logged, all counted. */
export class ExportReport {
  readonly #listed: string[] = [];
  #count = 0;

  constructor(private readonly log: WarningLog) {}

  readonly add: ProblemSink = (problem) => {
    this.#count += 1;
    if (this.#listed.length >= LISTED_PROBLEMS) return;
    this.#listed.push(problem.message);
    this.log.warn(
      { exportProblem: { kind: problem.kind, key: problem.key, part: problem.part } },
      `export: ${problem.message}`,
    );
  };

  /** How many problems were met. */
  get count(): number {
    return this.#count;
  }

  /** The listed problems' messages, in the order met. */
  get listed(): readonly string[] {
    return this.#listed;
  }

  /** One line: how many, and that the list stops where it does. */
  get headline(): string {
    const unlisted = this.#count - this.#listed.length;
    return `${this.#count} inconsistent ${this.#count === 1 ? 'item' : 'items'} in the graph left out${
      unlisted > 0 ? ` (the first ${this.#listed.length} listed)` : ''
    }`;
  }

  /** The headline and every listed problem, one per line; empty when nothing was left out. */
  get summary(): string {
    return this.#count === 0 ? '' : [`${this.headline}:`, ...this.#listed].join('\n');
  }

  /** Logs the total once the export is over, when problems went unlisted. */
  finish(): void {
    if (this.#count > this.#listed.length)
      this.log.warn({ exportProblems: this.#count }, `export: ${this.headline}`);
  }
}
