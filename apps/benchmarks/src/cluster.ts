/**
 * Capacity of one node and of three nodes sharing Redis (issue 15, docs/deployment.md): calls/s
 * of `tools/call` in legacy sessions (SSE replies) and in stateless 2026-07-28 requests, and
 * legacy sessions opened per second, for 1 node alone, 1 node with Redis, and 3 nodes with Redis
 * behind the round-robin proxy of the tests (the proxy runs in this process).
 *
 *   node -r ts-node/register/transpile-only apps/benchmarks/src/cluster.ts [--seconds 5] [--conns 32]
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { startClusterNode } from '../../../tests/support/clusterNodes';
import type { ClusterNode } from '../../../tests/support/clusterNodes';
import { startRedis } from '../../../tests/support/redisServer';
import { startRoundRobinProxy } from '../../../tests/support/roundRobinProxy';
import { HttpEndpoint } from './drivers/httpClient';
import { HttpClientSession, openLegacySession } from './drivers/httpDialects';
import type { HttpDialect } from './drivers/httpDialects';
import { runLoad } from './load';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const seconds = flag('--seconds', 5);
const conns = flag('--conns', 32);
const call = { name: 'whoami', arguments: {} };

async function calls(port: number, dialect: HttpDialect): Promise<string> {
  const endpoint = new HttpEndpoint(port, conns);
  const clients: HttpClientSession[] = [];
  for (let i = 0; i < conns; i++) clients.push(await HttpClientSession.open(endpoint, dialect));
  const one = (w: number) => clients[w].call('tools/call', call);
  await runLoad(one, { concurrency: conns, maxCalls: 300, maxMs: 30_000 });
  const r = await runLoad(one, { concurrency: conns, maxCalls: 1e7, maxMs: seconds * 1000 });
  endpoint.close();
  return `${r.callsPerSecond.toFixed(0)}/s (p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms)`;
}

async function sessions(port: number): Promise<string> {
  const endpoint = new HttpEndpoint(port, conns);
  // at most 2,000 per setup: node A serves three setups and keeps its sessions (maxSessions)
  const r = await runLoad(() => openLegacySession(endpoint), {
    concurrency: conns,
    maxCalls: 2000,
    maxMs: seconds * 1000,
  });
  endpoint.close();
  return `${r.callsPerSecond.toFixed(0)} sessions/s`;
}

async function measure(label: string, port: number): Promise<void> {
  const legacy = await calls(port, 'legacy');
  const modern = await calls(port, 'modern');
  const opened = await sessions(port);
  process.stdout.write(`| ${label} | ${legacy} | ${modern} | ${opened} |\n`);
}

async function main(): Promise<void> {
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-b', path.join(ROOT, 'packages/redis')],
    { cwd: ROOT, stdio: 'inherit' },
  );
  const redis = await startRedis();
  process.stdout.write(
    `${conns} connections, ${seconds} s per figure\n\n| setup | legacy tools/call | stateless tools/call | legacy sessions opened |\n| --- | --- | --- | --- |\n`,
  );
  const portOf = (url: string) => Number(new URL(url).port);
  const started: ClusterNode[] = [];
  try {
    const alone = await startClusterNode('solo', '');
    started.push(alone);
    await measure('1 node, in memory', portOf(alone.url));
    await alone.kill();
    const one = await startClusterNode('A', redis.url);
    started.push(one);
    await measure('1 node, Redis', portOf(one.url));
    const oneProxied = await startRoundRobinProxy([one.url]);
    await measure('1 node, Redis, via the proxy', portOf(oneProxied.url));
    await oneProxied.close();
    const more = await Promise.all(['B', 'C'].map((n) => startClusterNode(n, redis.url)));
    started.push(...more);
    const three = await startRoundRobinProxy([one, ...more].map((n) => n.url));
    await measure('3 nodes, Redis, via the proxy', portOf(three.url));
    await three.close();
  } finally {
    await Promise.all(started.map((n) => n.kill()));
    await redis.stop();
  }
}

void main();
