/**
 * Three real server processes sharing one real redis-server, behind a round-robin proxy with no
 * sticky routing (issue 15), driven by the official 1.x client and the TypeMCP client; then the
 * failures: a node killed while it holds a client's stream, Redis restarted under load, Redis
 * unreachable at start-up.
 */
import 'reflect-metadata';
import { connectV1, eventually, text } from '../support/clusterClients';
import { buildRedisPackage, runToExit, startClusterNode } from '../support/clusterNodes';
import type { ClusterNode } from '../support/clusterNodes';
import * as scenarios from '../support/clusterScenarios';
import { freePort, startRedis } from '../support/redisServer';
import type { RunningRedis } from '../support/redisServer';
import { startRoundRobinProxy } from '../support/roundRobinProxy';
import type { RoundRobinProxy } from '../support/roundRobinProxy';

jest.setTimeout(180_000);

let redis: RunningRedis;
let nodes: ClusterNode[] = [];
let proxy: RoundRobinProxy;
let url: string;

beforeAll(async () => {
  buildRedisPackage();
  redis = await startRedis();
  nodes = await Promise.all(['A', 'B', 'C'].map((name) => startClusterNode(name, redis.url)));
  proxy = await startRoundRobinProxy(nodes.map((n) => n.url));
  url = `${proxy.url}/mcp`;
});

afterAll(async () => {
  await proxy?.close();
  await Promise.all(nodes.map((n) => n.kill()));
  await redis?.stop();
});

it('a legacy session (official 1.x client) continues on every node with no sticky routing', () =>
  scenarios.legacySessionScenario(url));
it('a legacy session of the TypeMCP client hears list changes from any node', () =>
  scenarios.typemcpLegacyScenario(url));
it('2026-07-28: a listen stream on one node hears updates from the others', () =>
  scenarios.modernListenScenario(url));
it('2026-07-28: a task is polled, answered and cancelled through other nodes', () =>
  scenarios.modernTasksScenario(url));
it('2025-11-25 tasks: found, awaited and cancelled through other nodes', () =>
  scenarios.legacyTasksScenario(url));
it('2026-07-28: a requestState used on one node is refused on the next', () =>
  scenarios.requestStateReplayScenario(url));

it('Redis unreachable at start-up: the node exits with one line naming the URL', async () => {
  const deadUrl = `redis://127.0.0.1:${await freePort()}`;
  const { code, stderr } = await runToExit(['--http', '--port', '0', '--redis', deadUrl]);
  expect(code).toBe(1);
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`Cannot reach Redis at ${deadUrl}`);
});

it('Redis restarted under load: retryable 503s while it is away, then every node serves again without a restart', async () => {
  const outcomes = { ok: 0, retryable: 0, other: [] as string[] };
  const v1 = await connectV1(url);
  const sessionId = v1.transport.sessionId as string;
  const ping = async (id: number) => {
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id,
      method: 'tools/call',
      params: { name: 'whoami', arguments: {} },
    });
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-session-id': sessionId,
        'mcp-protocol-version': '2025-11-25',
      },
      body,
      signal: AbortSignal.timeout(15_000), // a hang fails the test
    });
    const reply = await response.text();
    if (response.status === 200) outcomes.ok++;
    else if (
      (response.status === 503 && response.headers.get('retry-after')) ||
      response.status === 404
    )
      outcomes.retryable++;
    else outcomes.other.push(`${response.status} ${reply}`);
  };
  let stop = false;
  let id = 100;
  const load = Promise.all(
    [0, 1, 2, 3].map(async () => {
      while (!stop) await ping(id++);
    }),
  );
  await eventually(() => outcomes.ok > 20, 'load to run');
  await redis.kill();
  await eventually(() => outcomes.retryable > 10, 'retryable refusals while Redis is away');
  await redis.restart();
  stop = true;
  await load;
  expect(outcomes.other).toEqual([]);
  // the session lived only in Redis (no persistence here): it is gone, and says so with 404;
  // a new session works on every node again, notifications included
  await eventually(
    async () => {
      try {
        const again = await connectV1(url);
        const seen = new Set<string>();
        for (let i = 0; i < 3; i++)
          seen.add(text(await again.client.callTool({ name: 'whoami', arguments: {} })));
        await again.client.subscribeResource({ uri: 'cluster://counter' });
        await again.client.callTool({ name: 'bump', arguments: {} });
        await eventually(() => again.updated.length === 1, 'an update after the restart', 5000);
        await again.client.close();
        return seen.size === 3;
      } catch {
        return false;
      }
    },
    'the nodes to recover',
    60_000,
  );
  await v1.client.close().catch(() => undefined);
});

it("a node killed while it holds a client's GET stream: the client resumes on another node, nothing lost or repeated", async () => {
  const v1 = await connectV1(url);
  await v1.client.subscribeResource({ uri: 'cluster://counter' });
  await v1.client.callTool({ name: 'bump', arguments: {} });
  await eventually(() => v1.updated.length === 1, 'the first update');
  const holderPort = [...proxy.log]
    .reverse()
    .find((line) => line.startsWith('GET '))
    ?.split(' ')[1];
  const holder = nodes.find((n) => n.url.endsWith(`:${holderPort}`)) as ClusterNode;
  await holder.kill();
  const killedAt = proxy.log.length;
  for (let i = 0; i < 5; i++) await v1.client.callTool({ name: 'bump', arguments: {} });
  await eventually(() => v1.updated.length === 6, 'five more updates through the resumed stream');
  await v1.client.callTool({ name: 'whoami', arguments: {} }); // a last round trip: nothing more arrives
  expect(v1.updated).toHaveLength(6);
  expect(
    proxy.log
      .slice(killedAt)
      .some((line) => line.startsWith('GET ') && !line.endsWith(` ${holderPort}`)),
  ).toBe(true); // resumed elsewhere
  await v1.client.close();
});
