/**
 * The method-era tables against the spec: the client requests each schema lists, and which of
 * them the server and the client treat as missing from an era. The server (answering -32601)
 * and the client (refusing before sending) both read @typemcp/protocol's tables; this fails when
 * either side disagrees with the spec or with the other.
 */
import 'reflect-metadata';
import {
  LEGACY_ONLY_METHODS,
  MODERN_ONLY_METHODS,
  TASKS_EXTENSION_METHODS,
} from '@typemcp/protocol';
import { createServer, McpServer, Tool } from '@typemcp/server';
import { assertMethodInEra } from '../../packages/client/src/eraMethods';
import { connect } from '../../packages/server/test/support/connect';

/**
 * `ClientRequest` of each schema (modelcontextprotocol/modelcontextprotocol, commit b0f60ba5,
 * schema/2025-11-25/schema.ts and schema/2026-07-28/schema.ts), by method name.
 */
const SPEC_2025_11_25 = [
  'ping',
  'initialize',
  'completion/complete',
  'logging/setLevel',
  'prompts/get',
  'prompts/list',
  'resources/list',
  'resources/templates/list',
  'resources/read',
  'resources/subscribe',
  'resources/unsubscribe',
  'tools/call',
  'tools/list',
  'tasks/get',
  'tasks/result',
  'tasks/list',
  'tasks/cancel',
];
const SPEC_2026_07_28 = [
  'server/discover',
  'completion/complete',
  'prompts/get',
  'prompts/list',
  'resources/list',
  'resources/templates/list',
  'resources/read',
  'subscriptions/listen',
  'tools/call',
  'tools/list',
];
/** The io.modelcontextprotocol/tasks extension's requests, used with 2026-07-28. */
const TASKS_EXTENSION = ['tasks/get', 'tasks/update', 'tasks/cancel'];

const modern = new Set([...SPEC_2026_07_28, ...TASKS_EXTENSION]);
const legacy = new Set(SPEC_2025_11_25);
const expectedLegacyOnly = SPEC_2025_11_25.filter((m) => !modern.has(m)).sort();
const expectedModernOnly = SPEC_2026_07_28.filter((m) => !legacy.has(m)).sort();
const MODERN_META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': { name: 't', version: '1' },
};

@McpServer({ name: 'eras', version: '1.0.0' })
class Eras {
  @Tool()
  add(a: number, b: number): number {
    return a + b;
  }
}

const refusals = (error: { code: number; message: string } | undefined, why: string) =>
  error?.code === -32601 && error.message.includes(why);

it('keeps the tables the spec implies', () => {
  expect([...LEGACY_ONLY_METHODS].sort()).toEqual(expectedLegacyOnly);
  expect([...MODERN_ONLY_METHODS].sort()).toEqual(expectedModernOnly);
  expect([...TASKS_EXTENSION_METHODS].sort()).toEqual([...TASKS_EXTENSION].sort());
});

it('has the client refuse exactly the methods its era lacks', () => {
  const refusedIn = (era: 'modern' | 'legacy', methods: Iterable<string>) =>
    [...methods].filter((m) => {
      try {
        assertMethodInEra(m, era);
        return false;
      } catch {
        return true;
      }
    });
  expect(refusedIn('modern', [...legacy, ...modern]).sort()).toEqual(expectedLegacyOnly);
  expect(refusedIn('legacy', [...legacy, ...modern]).sort()).toEqual(expectedModernOnly);
});

jest.setTimeout(60_000);

it("has the server answer -32601 for exactly the methods the request's era lacks", async () => {
  const server = createServer({ providers: [Eras] }).server;
  const all = [...new Set([...legacy, ...modern])].filter((m) => m !== 'initialize'); // the handshake itself is the era switch
  const stateless = await connect(server);
  const removedInModern: string[] = [];
  for (const method of all.filter((m) => m !== 'subscriptions/listen')) {
    // a stream: no reply to wait for
    const reply = await stateless.request(method, { _meta: MODERN_META });
    if (refusals(reply.error, 'removed in protocol')) removedInModern.push(method);
  }
  expect(removedInModern.sort()).toEqual(expectedLegacyOnly.filter((m) => m !== 'initialize'));
  const session = await (await connect(server)).legacy();
  const missingInLegacy: string[] = [];
  for (const method of all) {
    const reply = await session.request(method, {});
    if (refusals(reply.error, 'not part of protocol')) missingInLegacy.push(method);
  }
  expect(missingInLegacy.sort()).toEqual(expectedModernOnly);
  await stateless.close();
  await session.close();
});
