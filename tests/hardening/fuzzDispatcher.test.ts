/**
 * Property-based fuzzing of the dispatcher: 100,000 generated malformed and edge-case messages
 * (fast-check) fed through the framing and validation a transport uses. Every request is answered
 * with a well-formed JSON-RPC response, nothing throws, no notification is answered, and the
 * server still serves afterwards.
 */
import 'reflect-metadata';
import fc from 'fast-check';
import { decodeMessage, InMemoryTransport } from '@typemcp/protocol';
import type { JSONRPCMessage } from '@typemcp/protocol';
import { createServer, McpServer, Prompt, Resource, Tool } from '@typemcp/server';

jest.setTimeout(600_000); // a hang guard, not a speed bound: 100,000 messages take over a minute on a busy 2-core machine

@McpServer({ name: 'fuzz', version: '1.0.0' })
class Fuzz {
  @Tool() add(a: number, b: number): number {
    return a + b;
  }
  @Resource('item://{id}') item(id: string): string {
    return id;
  }
  @Prompt() hello(name: string): string {
    return `hi ${name}`;
  }
}

const METHODS = [
  'initialize',
  'ping',
  'tools/list',
  'tools/call',
  'resources/read',
  'resources/list',
  'prompts/get',
  'prompts/list',
  'completion/complete',
  'logging/setLevel',
  'server/discover',
  'subscriptions/listen',
  'nope',
  '',
];
const meta = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      'io.modelcontextprotocol/protocolVersion': fc.oneof(fc.constant('2026-07-28'), fc.string()),
      'io.modelcontextprotocol/clientCapabilities': fc.oneof(fc.constant({}), fc.anything()),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);
const params = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      name: fc.oneof(fc.constantFrom('add', 'hello', 'x'), fc.anything()),
      uri: fc.oneof(fc.constant('item://1'), fc.string(), fc.anything()),
      arguments: fc.anything(),
      cursor: fc.anything(),
      level: fc.anything(),
      protocolVersion: fc.anything(),
      _meta: meta,
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);
const id = fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.double(), fc.anything());
const message = fc.oneof(
  fc.record(
    {
      jsonrpc: fc.oneof(fc.constant('2.0'), fc.anything()),
      id,
      method: fc.oneof(fc.constantFrom(...METHODS), fc.anything()),
      params,
    },
    { requiredKeys: ['jsonrpc', 'method'] },
  ),
  fc.anything(),
);
const line = fc.oneof(
  message.map((m) => {
    try {
      return JSON.stringify(m) ?? 'null';
    } catch {
      return '{';
    }
  }),
  fc.string(),
);

it('answers 100,000 generated messages correctly and keeps serving', async () => {
  const app = createServer({ providers: [Fuzz] });
  const [client, serverSide] = InMemoryTransport.createLinkedPair();
  const received: JSONRPCMessage[] = [];
  client.onmessage = (m) => received.push(m);
  await client.start();
  await app.server.connect(serverSide, { defaultTimeoutMs: 1000 });
  const samples = fc.sample(line, { numRuns: 100_000, seed: 42 });
  let expectedAnswers = 0;
  const errorsSent: JSONRPCMessage[] = [];
  let nextId = 1_000_000;
  for (const text of samples) {
    const decoded = decodeMessage(text);
    if (!decoded.ok) {
      errorsSent.push(decoded.response); // what a transport sends back by itself
      continue;
    }
    const m = decoded.message;
    if ('method' in m && 'id' in m) {
      // fresh ids so that in-flight duplicates do not collide with our own bookkeeping
      (m as { id: number }).id = nextId++;
      expectedAnswers++;
    }
    await client.send(m);
    if (expectedAnswers % 500 === 0) await new Promise((r) => setImmediate(r));
  }
  for (let i = 0; i < 200 && received.filter((r) => !('method' in r)).length < expectedAnswers; i++)
    await new Promise((r) => setTimeout(r, 10));
  const responses = received.filter((r) => !('method' in r));
  // subscriptions/listen requests stay open by design; everything else is answered
  const open = app.server.broadcastListeners.size;
  expect(responses.length + open).toBe(expectedAnswers);
  for (const r of [...responses, ...errorsSent]) {
    expect(r.jsonrpc).toBe('2.0');
    if ('error' in r) {
      expect(Number.isInteger(r.error.code)).toBe(true);
      expect(typeof r.error.message).toBe('string');
      expect(r.error.message).not.toMatch(/\n\s+at /);
    } else {
      expect(typeof (r as { result: unknown }).result).toBe('object');
    }
  }
  // still serving
  const before = received.length;
  await client.send({
    jsonrpc: '2.0',
    id: 'final',
    method: 'tools/call',
    params: {
      name: 'add',
      arguments: { a: 1, b: 2 },
      _meta: {
        'io.modelcontextprotocol/protocolVersion': '2026-07-28',
        'io.modelcontextprotocol/clientCapabilities': {},
      },
    },
  });
  for (
    let i = 0;
    i < 100 && !received.slice(before).some((r) => 'id' in r && r.id === 'final');
    i++
  )
    await new Promise((r) => setTimeout(r, 10));
  expect(received.slice(before).find((r) => 'id' in r && r.id === 'final')).toMatchObject({
    result: { structuredContent: { result: 3 } },
  });
  await app.stop();
});
