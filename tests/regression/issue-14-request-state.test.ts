/**
 * Issue 14, item 5, over HTTP: a multi round-trip state signed by one instance and presented to
 * another instance with a different `requestState.secret` is refused with a message saying the
 * secret differs (it said "tampered"); with a shared secret any instance accepts it, once.
 */
import 'reflect-metadata';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { createServer } from '@typemcp/server';
import { Issue14Target } from './fixtures/issue14Target';

jest.setTimeout(60_000);

const META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': { elicitation: {} },
};
const instances: RunningHttpServer[] = [];
beforeAll(async () => {
  for (const secret of ['shared', 'shared', 'another']) {
    instances.push(
      await serve(createServer({ providers: [Issue14Target], requestState: { secret } }), {
        port: 0,
        handleSignals: false,
      }),
    );
  }
});
afterAll(() => Promise.all(instances.map((i) => i.close())));

async function confirm(
  at: RunningHttpServer,
  extra: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const res = await fetch(`${at.url}/mcp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call',
      'mcp-name': 'confirm',
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'confirm', arguments: {}, ...extra, _meta: META },
    }),
  });
  return (await res.json()) as Record<string, any>;
}

it('a state from an instance with another secret is refused naming the secret; a shared secret works once anywhere', async () => {
  const [a, b, other] = instances;
  const first = await confirm(a);
  expect(first.result.resultType).toBe('input_required');
  const [key] = Object.keys(first.result.inputRequests);
  const retry = {
    requestState: first.result.requestState,
    inputResponses: { [key]: { action: 'accept', content: { ok: true } } },
  };

  const refused = await confirm(other, retry);
  expect(refused.error).toMatchObject({ code: -32602 });
  expect(refused.error.message).toMatchInlineSnapshot(
    `"Invalid requestState: it was signed with another secret (another server instance?): every instance serving this endpoint must share requestState.secret"`,
  );
  expect((await confirm(b, retry)).result.content).toEqual([{ type: 'text', text: 'accept' }]);
  expect((await confirm(b, retry)).error.message).toBe(
    'Invalid requestState: already used (replayed)',
  );
});
