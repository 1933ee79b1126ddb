/**
 * Where an API process spends its CPU, from the `.cpuprofile` that `node --cpu-prof` writes: each
 * sample's time goes to the function on top of the stack, and functions are grouped by who owns
 * them (our code, the GraphQL stack, the driver, Node's core, the garbage collector). Only samples
 * inside the measured window count, so start-up and warm-up stay out.
 */

/** The parts of V8's profile format this reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  /** Microseconds on the system's monotonic clock. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export type CpuOwner =
  | 'our code'
  | 'GraphQL (graphql-js, Apollo Server)'
  | 'neo4j-driver'
  | 'other packages'
  | 'Node.js core'
  | 'garbage collection'
  | 'V8 and native';

export const cpuOwners: readonly CpuOwner[] = [
  'our code',
  'GraphQL (graphql-js, Apollo Server)',
  'neo4j-driver',
  'other packages',
  'Node.js core',
  'garbage collection',
  'V8 and native',
];

export interface CpuHotspot {
  function: string;
  /** Where it is defined: our module (from `src/`), a package, or Node's core. */
  where: string;
  ms: number;
}

export interface CpuProfileSummary {
  /** CPU milliseconds sampled in the window (idle time left out). */
  totalMs: number;
  byOwner: Record<CpuOwner, number>;
  /** The functions with the most time on top of the stack, most first. */
  hotspots: CpuHotspot[];
}

/** One operation's profile: the sampled CPU of the measured window, per answered request. */
export interface OperationCpuProfile {
  name: string;
  requests: number;
  perRequest: CpuProfileSummary;
}

/** The package a script of `node_modules` belongs to (`@scope/name` or `name`). */
function packageOf(url: string): string | null {
  const at = url.lastIndexOf('/node_modules/');
  if (at < 0) return null;
  const [first = '', second = ''] = url.slice(at + '/node_modules/'.length).split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

const GRAPHQL_PACKAGES =
  /^(graphql|@apollo\/.*|@graphql-tools\/.*|@graphql-typed-document-node\/.*)$/;

/**
 * The module of ours a script is, as a path under the project's source tree (`db/values.js` from
 * the built `dist/db/values.js`, or from `src/` when run from source), or null for anything else.
 */
function ourModule(url: string): string | null {
  if (!url.startsWith('file://') || packageOf(url) !== null) return null;
  const tree = ['/dist/', '/src/'].map((dir) => [dir, url.lastIndexOf(dir)] as const);
  const found = tree.find(([, at]) => at >= 0);
  return found ? url.slice(found[1] + found[0].length) : null;
}

export function ownerOf(functionName: string, url: string): CpuOwner | 'idle' {
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (url.startsWith('node:')) return 'Node.js core';
  const pkg = packageOf(url);
  if (pkg === null) return ourModule(url) ? 'our code' : 'V8 and native';
  if (GRAPHQL_PACKAGES.test(pkg)) return 'GraphQL (graphql-js, Apollo Server)';
  if (pkg.startsWith('neo4j-driver')) return 'neo4j-driver';
  return 'other packages';
}

const whereOf = (url: string, line: number): string => {
  const pkg = packageOf(url);
  if (pkg) return pkg;
  const mine = ourModule(url);
  if (mine) return `${mine}:${line + 1}`;
  return url === '' ? 'V8' : url;
};

/**
 * Sums the profile's samples taken between `fromUs` and `toUs` (monotonic microseconds). A sample
 * stands for the time until the next one, V8's own convention for self time.
 */
export function summariseCpuProfile(
  profile: CpuProfile,
  window: { fromUs: number; toUs: number },
  hotspotCount = 8,
): CpuProfileSummary {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byOwner = Object.fromEntries(cpuOwners.map((owner) => [owner, 0])) as Record<
    CpuOwner,
    number
  >;
  const byFunction = new Map<string, CpuHotspot>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    const span = profile.timeDeltas[index + 1] ?? 0;
    const frame = frames.get(id);
    if (!frame || at < window.fromUs || at > window.toUs) return;
    const owner = ownerOf(frame.functionName, frame.url);
    if (owner === 'idle') return;
    const ms = span / 1000;
    byOwner[owner] += ms;
    const name = frame.functionName || '(anonymous)';
    const where = whereOf(frame.url, frame.lineNumber);
    const key = `${name} ${where}`;
    const spot = byFunction.get(key) ?? { function: name, where, ms: 0 };
    spot.ms += ms;
    byFunction.set(key, spot);
  });
  const hotspots = [...byFunction.values()].sort((a, b) => b.ms - a.ms).slice(0, hotspotCount);
  const totalMs = cpuOwners.reduce((sum, owner) => sum + byOwner[owner], 0);
  return { totalMs, byOwner, hotspots };
}
