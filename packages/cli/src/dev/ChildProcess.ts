import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';

/** A child process whose output is scanned for a line announcing it is ready. */
export interface Started {
  child: ChildProcessWithoutNullStreams;
  /** The match of the readiness pattern. */
  match: RegExpExecArray;
}

/**
 * Starts a process and waits until `ready` matches what it prints (stdout or stderr); each line
 * is also handed to `onLine`. Fails if the process ends first, quoting its last lines.
 */
export function startAndWait(
  command: string,
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    cwd?: string;
    ready: RegExp;
    onLine?: (line: string) => void;
  },
): Promise<Started> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: 'pipe',
  });
  child.stdin.end();
  let text = '';
  let tail: string[] = [];
  return new Promise((resolve, reject) => {
    let done = false;
    const feed = (chunk: Buffer) => {
      const s = chunk.toString();
      for (const line of s.split('\n'))
        if (line.trim()) {
          options.onLine?.(line);
          tail = [...tail, line].slice(-5);
        }
      if (done) return;
      text = (text + s).slice(-20_000);
      const match = options.ready.exec(text);
      if (match) {
        done = true;
        resolve({ child, match });
      }
    };
    child.stdout.on('data', feed);
    child.stderr.on('data', feed);
    child.once('error', (error) => {
      if (!done) reject(error);
      done = true;
    });
    child.once('exit', (code, signal) => {
      if (!done)
        reject(
          new Error(
            `${command} ended (${signal ?? `exit ${code}`}) before it was ready: ${tail.join(' | ')}`,
          ),
        );
      done = true;
    });
  });
}

/** Ends a child: SIGTERM, then SIGKILL after `graceMs`; resolves when it is gone. */
export function stop(child: ChildProcessWithoutNullStreams, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
