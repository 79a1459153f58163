/**
 * Issue 14's attacks, replayed against a TypeMCP HTTP server in its own process (defaults
 * everywhere), with the server's resident set before, at its peak and after each one:
 * `npm run bench:attacks --workspace @typemcp/benchmarks`. Prints a Markdown table.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { ResponseTooLargeError, StreamableHTTPClientTransport } from '@typemcp/client';
import { HttpServerProcess } from './drivers/httpServerProcess';
import { peakRssMb, rssKb } from './procStats';

const TS_NODE = require.resolve('ts-node/register/transpile-only');
const ACCEPT = 'application/json, text/event-stream';
const META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {
    extensions: { 'io.modelcontextprotocol/tasks': {} },
  },
};
const mb = (kb: number) => Math.round(kb / 1024);

interface Row {
  attack: string;
  outcome: string;
  before: number;
  peak: number;
  after: number;
}

/** POSTs `initialize` (a legacy handshake's first half) and resolves with the response. */
function initialize(base: string, protocolVersion: string, client: string): Promise<Response> {
  return fetch(`${base}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: ACCEPT },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion, capabilities: {}, clientInfo: { name: client, version: '1' } },
    }),
  });
}

async function legacySession(base: string): Promise<Record<string, string>> {
  const init = await initialize(base, '2025-11-25', 'a');
  await init.text();
  const headers = {
    'content-type': 'application/json',
    accept: ACCEPT,
    'mcp-session-id': init.headers.get('mcp-session-id') ?? '',
    'mcp-protocol-version': '2025-11-25',
  };
  await (
    await fetch(`${base}/mcp`, {
      method: 'POST',
      headers,
      body: '{"jsonrpc":"2.0","method":"notifications/initialized"}',
    })
  ).text();
  return headers;
}

const modern = (
  base: string,
  method: string,
  name: string,
  params: Record<string, unknown>,
  id = 1,
) =>
  fetch(`${base}/mcp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: ACCEPT,
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': method,
      'mcp-name': name,
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id,
      method,
      params: { ...params, _meta: { ...META, ...(params._meta as object | undefined) } },
    }),
  });

/** The attacks: each runs against a fresh server and says what happened. */
const ATTACKS: Array<[string, (base: string) => Promise<string>]> = [
  [
    '(1) 150 echoes of 3.5 MiB in one legacy session',
    async (base) => {
      const headers = await legacySession(base);
      const text = 'x'.repeat(3.5 * 1024 * 1024);
      for (let id = 1; id <= 150; id++)
        await (
          await fetch(`${base}/mcp`, {
            method: 'POST',
            headers,
            body: JSON.stringify({
              jsonrpc: '2.0',
              id,
              method: 'tools/call',
              params: { name: 'echo', arguments: { text } },
            }),
          })
        ).text();
      return '150 answered';
    },
  ],
  [
    '(2) 20 reads of a 64 KiB URI on `x://{a}{b}{c}`',
    async (base) => {
      const headers = await legacySession(base);
      const start = performance.now();
      for (let id = 1; id <= 20; id++)
        await (
          await fetch(`${base}/mcp`, {
            method: 'POST',
            headers,
            body: JSON.stringify({
              jsonrpc: '2.0',
              id,
              method: 'resources/read',
              params: { uri: `x://${'a'.repeat(65_530)}/` },
            }),
          })
        ).text();
      return `${((performance.now() - start) / 20).toFixed(1)} ms per read`;
    },
  ],
  [
    '(3) 20,000 stateless 30 s tasks, 50 at a time',
    async (base) => {
      let accepted = 0;
      for (let batch = 0; batch < 400; batch++) {
        const replies = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            modern(base, 'tools/call', 'hold', { name: 'hold', arguments: { ms: 30_000 } }, i).then(
              (r) => r.json() as Promise<{ result?: unknown }>,
            ),
          ),
        );
        accepted += replies.filter((r) => r.result).length;
      }
      return `${accepted} accepted, ${20_000 - accepted} refused`;
    },
  ],
  [
    '(4) 10,000 `initialize`, then a real client',
    async (base) => {
      for (let batch = 0; batch < 100; batch++)
        await Promise.all(
          Array.from({ length: 100 }, () =>
            initialize(base, '2025-06-18', 'f').then((r) => r.text()),
          ),
        );
      const real = await initialize(base, '2025-06-18', 'r');
      await real.text();
      return `real client: HTTP ${real.status}`;
    },
  ],
  [
    '(6) 1,000 `{"constructor": 1}` DTO arguments',
    async (base) => {
      let invalid = 0;
      for (let id = 0; id < 1000; id++) {
        const reply = (await (
          await modern(
            base,
            'tools/call',
            'configure',
            { name: 'configure', arguments: { name: 'a', options: { constructor: 1 } } },
            id,
          )
        ).json()) as { result?: { isError?: boolean } };
        if (reply.result?.isError) invalid++;
      }
      return `${invalid} invalid-argument results`;
    },
  ],
  [
    '(7) 400,000 progress notifications, client not reading for 10 s',
    async (base) => {
      const res = await modern(base, 'tools/call', 'flood', {
        name: 'flood',
        arguments: { count: 400_000 },
        _meta: { progressToken: 'p' },
      });
      await new Promise((r) => setTimeout(r, 10_000));
      const text = await res.text();
      return `${text.split('notifications/progress').length - 1} delivered once read`;
    },
  ],
];

/** The client-side attack (8): a 400 MB JSON reply to the TypeMCP client, in this process. */
async function clientAttack(): Promise<Row> {
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"jsonrpc":"2.0","id":1,"result":{"x":"');
    const chunk = 'a'.repeat(64 * 1024);
    let sent = 0;
    const pump = () => {
      while (sent < 400 * 1024 * 1024 && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end('"}}');
    };
    pump();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const before = rssKb(process.pid);
  const transport = new StreamableHTTPClientTransport(
    new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`),
  );
  const outcome = await transport.send({ jsonrpc: '2.0', id: 1, method: 'tools/list' }).then(
    () => 'accepted',
    (e: Error) => (e instanceof ResponseTooLargeError ? 'refused past 32 MiB' : e.message),
  );
  server.closeAllConnections();
  server.close();
  return {
    attack: '(8) a 400 MB JSON reply to the TypeMCP client (client RSS)',
    outcome,
    before: mb(before),
    peak: Math.round(peakRssMb(process.pid)),
    after: mb(rssKb(process.pid)),
  };
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const only = process.argv.indexOf('--only'); // e.g. --only 7
  const picked =
    only === -1
      ? ATTACKS
      : ATTACKS.filter(([name]) => name.startsWith(`(${process.argv[only + 1]})`));
  for (const [attack, run] of picked) {
    const server = await HttpServerProcess.start(process.execPath, [
      '-r',
      TS_NODE,
      path.join(__dirname, 'servers', 'attackTarget.ts'),
    ]);
    const base = `http://127.0.0.1:${server.port}`;
    await fetch(`${base}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: ACCEPT },
      body: '{}',
    }).then((r) => r.text()); // warm
    const before = rssKb(server.pid);
    const outcome = await run(base);
    rows.push({
      attack,
      outcome,
      before: mb(before),
      peak: Math.round(peakRssMb(server.pid)),
      after: mb(rssKb(server.pid)),
    });
    await server.close();
    process.stderr.write(`${attack}: done\n`);
  }
  if (only === -1 || process.argv[only + 1] === '8') rows.push(await clientAttack());
  console.log('| attack | outcome | RSS before MB | peak MB | after MB |');
  console.log('| --- | --- | ---: | ---: | ---: |');
  for (const r of rows)
    console.log(`| ${r.attack} | ${r.outcome} | ${r.before} | ${r.peak} | ${r.after} |`);
}

void main();
