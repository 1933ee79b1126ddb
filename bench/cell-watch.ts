import type { MeasuredWindow } from './load-harness.js';
import { cpuMillis } from './process-cpu.js';
import { MemorySampler } from './process-memory.js';

/** CPU per answered request, in ms: the API process's (none for the floor) and Neo4j's. */
export interface CpuPerRequest {
  api: number | null;
  neo4j: number;
}

/**
 * What the processes behind a column spend during a cell's measured window: CPU time of the API
 * process and of Neo4j, and, when asked, the API process's resident memory sampled throughout.
 */
export class CellWatch implements MeasuredWindow {
  readonly memorySamples: number[] = [];
  #sampler: MemorySampler | undefined;
  #apiAtStart: number | undefined;
  #neo4jAtStart: number | undefined;
  #apiUsed: number | undefined;
  #neo4jUsed = Number.NaN;

  constructor(
    private readonly pids: { api: number | null; neo4j: number },
    private readonly sampleMemory: boolean,
  ) {}

  start(): void {
    this.#apiAtStart = this.pids.api === null ? undefined : cpuMillis(this.pids.api);
    this.#neo4jAtStart = cpuMillis(this.pids.neo4j);
    if (this.sampleMemory && this.pids.api !== null)
      this.#sampler = new MemorySampler(this.pids.api).start();
  }

  stop(): void {
    const api = this.pids.api === null ? undefined : cpuMillis(this.pids.api);
    const neo4j = cpuMillis(this.pids.neo4j);
    if (api !== undefined && this.#apiAtStart !== undefined) this.#apiUsed = api - this.#apiAtStart;
    if (neo4j !== undefined && this.#neo4jAtStart !== undefined)
      this.#neo4jUsed = neo4j - this.#neo4jAtStart;
    this.#sampler?.stop();
    this.memorySamples.push(...(this.#sampler?.samples ?? []));
  }

  perRequest(requests: number): CpuPerRequest {
    const per = (used: number) => (requests > 0 ? used / requests : Number.NaN);
    return {
      api: this.#apiUsed === undefined ? null : per(this.#apiUsed),
      neo4j: per(this.#neo4jUsed),
    };
  }
}
