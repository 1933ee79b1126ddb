import { spawnSync } from 'node:child_process';
import os from 'node:os';
import type { Driver } from 'neo4j-driver';

export interface MachineFacts {
  cpuModel: string;
  cores: number;
  ramGb: number;
  os: string;
  node: string;
  java: string;
  neo4j: string;
  /** 1-minute load average when the run began: other work on the machine skews every figure. */
  loadAverageAtStart: number;
  gitCommit: string;
}

/** A command's output, stdout or else stderr (where `java -version` writes); '' when it cannot run. */
const output = (command: string, args: string[]): string => {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.error ? '' : result.stdout || result.stderr;
};

function gitCommit(): string {
  const head = output('git', ['rev-parse', '--short', 'HEAD']).trim() || 'unknown';
  const dirty = output('git', ['status', '--porcelain']).trim() !== '';
  return `${head}${dirty ? ' (uncommitted changes)' : ''}`;
}

export async function machineFacts(driver: Driver, database: string): Promise<MachineFacts> {
  const { records } = await driver.executeQuery(
    'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition',
    {},
    { database, routing: 'READ' },
  );
  const neo4j = records[0]
    ? `${String(records[0].get('name'))} ${String(records[0].get('version'))} ${String(records[0].get('edition'))}`
    : 'unknown';
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    ramGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    java: output('java', ['-version']).split('\n')[0]?.trim() ?? 'unknown',
    neo4j,
    loadAverageAtStart: Number(os.loadavg()[0]?.toFixed(2)),
    gitCommit: gitCommit(),
  };
}
