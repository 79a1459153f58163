/**
 * A tool that elicits twice and samples once works, unchanged, with the official 1.x client
 * (legacy: server-to-client requests, over stdio and HTTP), the official v2 client (2026-07-28:
 * multi round-trip requests over HTTP), and the TypeMCP client in both eras — each client's own
 * handlers answering. SPEC.md 2.5 (MRTR), 5.6.
 */
import 'reflect-metadata';
import { Client as V1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport as V1Stdio } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport as V1Http } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  ElicitRequestSchema,
  CreateMessageRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import {
  Client as V2Client,
  StreamableHTTPClientTransport as V2Http,
} from '@modelcontextprotocol/client';
import { Client, HttpClientTransport } from '@typemcp/client';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { createServer } from '@typemcp/server';
import { Concierge } from '../fixtures/concierge';
import { tsNodeCommand } from '../support/spawnTs';

jest.setTimeout(60_000);

const EXPECTED = 'Ada wants a table for 2; the model says: Bon appétit!';

function answerElicit(params: { message: string }): {
  action: 'accept';
  content: Record<string, string | number>;
} {
  return params.message.startsWith('Your name')
    ? { action: 'accept' as const, content: { name: 'Ada' } }
    : { action: 'accept' as const, content: { guests: 2 } };
}
const answerSample = () => ({
  role: 'assistant' as const,
  content: { type: 'text' as const, text: 'Bon appétit!' },
  model: 'test-model',
});
const CAPS = { elicitation: {}, sampling: {} };
const text = (r: unknown) => (r as { content: Array<{ text: string }> }).content[0].text;

let running: RunningHttpServer;
beforeAll(async () => {
  running = await serve(createServer({ providers: [Concierge] }), {
    port: 0,
    handleSignals: false,
  });
});
afterAll(() => running.close());

function v1Client(): V1Client {
  const client = new V1Client({ name: 'v1', version: '1' }, { capabilities: CAPS });
  client.setRequestHandler(ElicitRequestSchema, (req) =>
    answerElicit(req.params as { message: string }),
  );
  client.setRequestHandler(CreateMessageRequestSchema, () => answerSample());
  return client;
}

it('official 1.x client over stdio (legacy, server-to-client requests)', async () => {
  const client = v1Client();
  const { command, args } = tsNodeCommand('tests/fixtures/concierge.ts');
  await client.connect(new V1Stdio({ command, args, stderr: 'ignore' }));
  expect(text(await client.callTool({ name: 'plan', arguments: {} }))).toBe(EXPECTED);
  await client.close();
});

it('official 1.x client over Streamable HTTP (legacy)', async () => {
  const client = v1Client();
  await client.connect(new V1Http(new URL(`${running.url}/mcp`)));
  expect(text(await client.callTool({ name: 'plan', arguments: {} }))).toBe(EXPECTED);
  await client.close();
});

it('official v2 client over HTTP in the 2026-07-28 era (multi round-trip requests)', async () => {
  const client = new V2Client(
    { name: 'v2', version: '2' },
    { capabilities: CAPS, versionNegotiation: { mode: { pin: '2026-07-28' } } },
  );
  client.setRequestHandler('elicitation/create', (req: { params: { message: string } }) =>
    answerElicit(req.params),
  );
  client.setRequestHandler('sampling/createMessage', () => answerSample());
  await client.connect(new V2Http(new URL(`${running.url}/mcp`)));
  expect(client.getProtocolEra()).toBe('modern');
  expect(text(await client.callTool({ name: 'plan', arguments: {} }))).toBe(EXPECTED);
  await client.close();
});

it.each(['modern', 'legacy'] as const)('TypeMCP client over HTTP, %s era', async (mode) => {
  const client = new Client({ name: 't', version: '1' }, { mode, capabilities: CAPS });
  client.setRequestHandler('elicitation/create', (params) =>
    answerElicit(params as { message: string }),
  );
  client.setRequestHandler('sampling/createMessage', () => answerSample());
  await client.connect(new HttpClientTransport(new URL(`${running.url}/mcp`)));
  expect(client.era).toBe(mode);
  expect(text(await client.callTool({ name: 'plan', arguments: {} }))).toBe(EXPECTED);
  await client.close();
});
