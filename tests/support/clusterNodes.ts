/** Real server processes for the multi-node tests: tests/fixtures/clusterNode.ts under ts-node. */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { ROOT, tsNodeCommand } from './spawnTs';

/** A running node. */
export interface ClusterNode {
  name: string;
  url: string;
  child: ChildProcess;
  /** What it wrote to stderr so far. */
  stderr(): string;
  /** SIGKILL, as a crash would; resolves once it is gone. */
  kill(): Promise<void>;
}

/**
 * Builds @typemcp/redis (and what it references) to dist, which child processes load it from;
 * incremental, so quick when nothing changed.
 */
export function buildRedisPackage(): void {
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-b', path.join(ROOT, 'packages/redis')],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/** Starts a process and resolves with its exit code and stderr once it exits. */
export function runToExit(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stderr: string }> {
  const { command, args: full } = tsNodeCommand('tests/fixtures/clusterNode.ts', args);
  const child = spawn(command, full, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

/**
 * Starts one node serving HTTP on a free port, sharing state through `redisUrl`; resolves once
 * it says where it listens.
 *
 * @example
 * const a = await startClusterNode('A', redis.url);
 */
export function startClusterNode(name: string, redisUrl: string): Promise<ClusterNode> {
  const { command, args } = tsNodeCommand('tests/fixtures/clusterNode.ts', [
    '--http',
    '--port',
    '0',
    '--node',
    name,
  ]);
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, TYPEMCP_REDIS_URL: redisUrl },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /serving MCP at (http:\/\/[^/\s]+)\/mcp/.exec(stderr); // the origin of the printed endpoint URL
      if (match) {
        resolve({
          name,
          url: match[1],
          child,
          stderr: () => stderr,
          kill: () => {
            if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
            child.kill('SIGKILL');
            return new Promise((done) => child.once('exit', () => done()));
          },
        });
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`node ${name} exited (${code}) before serving:\n${stderr}`)),
    );
  });
}
