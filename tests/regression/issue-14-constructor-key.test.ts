/**
 * Issue 14, item 6: `{"constructor": 1}` or `{"constructor": {"prototype": {}}}` inside a DTO's
 * `@IsObject()` field gave -32603 "Internal error: targetType is not a constructor" (logged each
 * time). It is now an invalid argument like any other: an `isError` result naming the field.
 */
import 'reflect-metadata';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { createServer } from '@typemcp/server';
import { Issue14Target } from './fixtures/issue14Target';

jest.setTimeout(60_000);

const META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
};
const logged: unknown[] = [];
let running: RunningHttpServer;
beforeAll(async () => {
  running = await serve(
    createServer({ providers: [Issue14Target], onerror: (e) => void logged.push(e) }),
    { port: 0, handleSignals: false },
  );
});
afterAll(() => running.close());

async function configure(args: unknown): Promise<Record<string, any>> {
  const res = await fetch(`${running.url}/mcp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call',
      'mcp-name': 'configure',
    },
    body: `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"configure","arguments":${JSON.stringify(args)},"_meta":${JSON.stringify(META)}}}`,
  });
  return (await res.json()) as Record<string, any>;
}

it.each([
  [{ name: 'a', options: { constructor: 1 } }, 'options'],
  [{ name: 'a', options: { constructor: { prototype: {} } } }, 'options'],
  [{ name: 'a', options: { deep: [{ x: 1 }, { constructor: 'x' }] } }, 'options.deep[1]'],
  [{ name: 'a', options: {}, constructor: 1 }, '(arguments)'],
])('%j is an invalid argument naming %s', async (args, field) => {
  const reply = await configure(args);
  expect(reply.error).toBeUndefined();
  expect(reply.result.isError).toBe(true);
  expect(reply.result.content[0].text).toContain(`- ${field}: must not have a "constructor" key`);
});

it('still accepts an ordinary object and logs nothing', async () => {
  const reply = await configure({
    name: 'a',
    options: { colour: 'green', nested: { constructorName: 'X' } },
  });
  expect(reply.result.content).toEqual([{ type: 'text', text: 'a: 2 options' }]);
  expect(logged).toEqual([]);
});
