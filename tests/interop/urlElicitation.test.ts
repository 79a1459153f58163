/**
 * URL-mode elicitation (2025-11-25 client/elicitation) with the official 1.x client over
 * Streamable HTTP: `ctx.elicitUrl` reaches the client's handler as `mode: "url"` with an
 * elicitationId; `ctx.requireUrlElicitation` ends the call with -32042 listing the elicitation,
 * `app.completeUrlElicitation` sends `notifications/elicitation/complete`, and the retried call
 * succeeds; a client without URL support gets a clear error instead.
 */
import 'reflect-metadata';
import { Client as V1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as V1Http } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  ElicitRequestSchema,
  ElicitationCompleteNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { Context, createServer, McpServer, Tool } from '@typemcp/server';
import type { McpApp } from '@typemcp/server';

jest.setTimeout(30_000);

const linked = new Set<string>();

@McpServer({ name: 'accounts', version: '1.0.0' })
class Accounts {
  @Tool({ description: 'Sends the user to the docs and reports what they did' })
  async open_docs(ctx: Context): Promise<string> {
    const answer = await ctx.elicitUrl('Read the setup guide', 'https://docs.example.com/setup');
    return `user ${answer.action}ed`;
  }

  @Tool({
    description: 'Lists the repositories of a linked account; the account must be linked first',
  })
  repositories(user: string, ctx: Context): string {
    if (!linked.has(user))
      ctx.requireUrlElicitation(
        'Link your account first',
        `https://auth.example.com/link?user=${user}`,
        `link-${user}`,
      );
    return `${user}: typemcp, hono`;
  }
}

let app: McpApp;
let http: RunningHttpServer;
beforeAll(async () => {
  app = createServer({ providers: [Accounts] });
  http = await serve(app, { port: 0, handleSignals: false });
});
afterAll(() => http.close());

async function v1(
  capabilities: Record<string, unknown>,
): Promise<{ client: V1Client; asked: Array<Record<string, unknown>>; completed: string[] }> {
  const client = new V1Client({ name: 'v1', version: '1' }, { capabilities });
  const asked: Array<Record<string, unknown>> = [];
  const completed: string[] = [];
  client.setRequestHandler(ElicitRequestSchema, (req) => {
    asked.push(req.params as Record<string, unknown>);
    return { action: 'accept' };
  });
  client.setNotificationHandler(
    ElicitationCompleteNotificationSchema,
    (n) => void completed.push(n.params.elicitationId),
  );
  await client.connect(new V1Http(new URL(`${http.url}/mcp`)));
  return { client, asked, completed };
}

it('ctx.elicitUrl reaches the official client as a URL-mode elicitation', async () => {
  const { client, asked } = await v1({ elicitation: { url: {} } });
  const result = await client.callTool({ name: 'open_docs', arguments: {} });
  expect((result.content as Array<{ text: string }>)[0].text).toBe('user accepted');
  expect(asked).toEqual([
    {
      mode: 'url',
      message: 'Read the setup guide',
      url: 'https://docs.example.com/setup',
      elicitationId: expect.any(String),
    },
  ]);
  await client.close();
});

it('-32042 lists the elicitation; after notifications/elicitation/complete the retry succeeds', async () => {
  const { client, completed } = await v1({ elicitation: { url: {} } });
  const error = await client
    .callTool({ name: 'repositories', arguments: { user: 'ada' } })
    .catch((e: unknown) => e);
  expect(error).toMatchObject({
    code: -32042,
    data: {
      elicitations: [
        {
          mode: 'url',
          message: 'Link your account first',
          url: 'https://auth.example.com/link?user=ada',
          elicitationId: 'link-ada',
        },
      ],
    },
  });
  linked.add('ada');
  app.completeUrlElicitation('link-ada');
  await new Promise((r) => setTimeout(r, 100));
  expect(completed).toEqual(['link-ada']);
  const retried = await client.callTool({ name: 'repositories', arguments: { user: 'ada' } });
  expect((retried.content as Array<{ text: string }>)[0].text).toBe('ada: typemcp, hono');
  await client.close();
});

it('a client with form-only elicitation gets a clear error, not a URL', async () => {
  const { client, asked } = await v1({ elicitation: {} });
  await expect(client.callTool({ name: 'open_docs', arguments: {} })).rejects.toMatchObject({
    code: -32600,
    message: expect.stringContaining('capabilities.elicitation.url'),
  });
  await expect(
    client.callTool({ name: 'repositories', arguments: { user: 'bob' } }),
  ).rejects.toMatchObject({
    code: -32600,
    message: expect.stringContaining('URL-mode elicitation'),
  });
  expect(asked).toEqual([]);
  await client.close();
});

it('tells only the session that was sent the elicitation', async () => {
  const asker = await v1({ elicitation: { url: {} } });
  const bystander = await v1({ elicitation: { url: {} } });
  await asker.client
    .callTool({ name: 'repositories', arguments: { user: 'cy' } })
    .catch(() => undefined);
  app.completeUrlElicitation('link-cy');
  app.completeUrlElicitation('link-cy'); // a second completion is not sent again
  await new Promise((r) => setTimeout(r, 100));
  expect(asker.completed).toEqual(['link-cy']);
  expect(bystander.completed).toEqual([]);
  await Promise.all([asker.client.close(), bystander.client.close()]);
});
