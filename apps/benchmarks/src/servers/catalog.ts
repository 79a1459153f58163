/**
 * The servers under test and the command line that starts each one, per transport. Every server
 * runs in its own child process, the way its users run it (TypeMCP through ts-node).
 */
import * as path from 'node:path';

/** A server under test. */
export type ServerId = 'typemcp' | 'official-v1' | 'official-v2' | 'raw';
/** How an HTTP server is configured: legacy sessions with SSE or JSON replies, or stateless. */
export type HttpMode = 'sse' | 'json' | 'stateless';

const TS_NODE = require.resolve('ts-node/register/transpile-only');
const here = (file: string) => path.join(__dirname, file);

const STDIO: Record<ServerId, string[]> = {
  typemcp: ['-r', TS_NODE, here('typemcp.ts')],
  'official-v1': [here('officialV1.cjs')],
  'official-v2': [here('officialV2.cjs')],
  raw: [here('raw.cjs')],
};

const HTTP: Record<ServerId, string[]> = {
  typemcp: ['-r', TS_NODE, here('typemcpHttp.ts')],
  'official-v1': [here('officialV1Http.cjs')],
  'official-v2': [here('officialV2Http.cjs')],
  raw: [here('rawHttp.cjs')],
};

/**
 * `--cpu-prof` into the directory named by `TYPEMCP_BENCH_PROFILE`, when set: each server process
 * writes a `.cpuprofile` when it exits (open it in Chrome DevTools or speedscope).
 */
function profiling(): string[] {
  const dir = process.env.TYPEMCP_BENCH_PROFILE;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100'] : [];
}

/**
 * Node arguments starting `server` over stdio, serving `toolCount` tools.
 *
 * @example
 * spawn(process.execPath, stdioServer('raw', 1000));
 */
export function stdioServer(server: ServerId, toolCount = 2): string[] {
  return [...profiling(), ...STDIO[server], '--tools', String(toolCount)];
}

/**
 * Node arguments starting `server` over HTTP in `mode` (the server prints `READY <port>`);
 * `exposeGc` lets the driver force collections before reading the server's memory.
 */
export function httpServer(server: ServerId, mode: HttpMode, exposeGc = false): string[] {
  return [...(exposeGc ? ['--expose-gc'] : []), ...profiling(), ...HTTP[server], mode];
}
