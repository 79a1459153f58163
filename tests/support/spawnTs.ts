import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';

/** Repository root. */
export const ROOT = path.resolve(__dirname, '..', '..');

/** Command and args that run a TypeScript file the way users do (ts-node, transpile-only). */
export function tsNodeCommand(
  file: string,
  args: string[] = [],
): { command: string; args: string[] } {
  return {
    command: process.execPath,
    args: [
      '-r',
      require.resolve('ts-node/register/transpile-only'),
      path.resolve(ROOT, file),
      ...args,
    ],
  };
}

/** Spawns a TypeScript file as a child process with piped stdio. */
export function spawnTs(file: string, args: string[] = []): ChildProcessWithoutNullStreams {
  const { command, args: full } = tsNodeCommand(file, args);
  return spawn(command, full, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
}
