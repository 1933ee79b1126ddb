import { readFileSync } from 'node:fs';

/** Resident memory of a process from /proc (Linux): now, and the peak so far (high-water mark). */
export interface ResidentMemory {
  rssMb: number;
  peakRssMb: number;
}

const field = (status: string, name: string): number | undefined => {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status);
  return match ? Number(match[1]) / 1024 : undefined;
};

/** Undefined once the process has gone (or where /proc does not exist). */
export function residentMemory(pid: number): ResidentMemory | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const rssMb = field(status, 'VmRSS');
  const peakRssMb = field(status, 'VmHWM');
  return rssMb === undefined || peakRssMb === undefined ? undefined : { rssMb, peakRssMb };
}

/**
 * Samples a process's resident memory at an interval while it runs: `samples` are VmRSS readings,
 * `peakRssMb` the kernel's own high-water mark at the last reading (it sees spikes between them).
 */
export class MemorySampler {
  readonly samples: number[] = [];
  peakRssMb = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 100,
  ) {}

  start(): this {
    this.sample();
    this.#timer = setInterval(() => {
      this.sample();
    }, this.intervalMs);
    return this;
  }

  stop(): void {
    this.sample();
    clearInterval(this.#timer);
  }

  private sample(): void {
    const memory = residentMemory(this.pid);
    if (!memory) return;
    this.samples.push(memory.rssMb);
    this.peakRssMb = Math.max(this.peakRssMb, memory.peakRssMb);
  }
}
