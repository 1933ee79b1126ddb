import type { ChildProcess } from 'node:child_process';

/**
 * Stops a child process the way an operator would: SIGTERM, so it can drain and close cleanly,
 * then SIGKILL if it has not exited within `graceMs`. Resolves once it has exited.
 */
export async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
