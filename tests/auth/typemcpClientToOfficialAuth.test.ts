/**
 * The TypeMCP client logs in to a server protected by the official SDK 1.x (mcpAuthRouter with
 * its demo in-memory provider, requireBearerAuth in front of a StreamableHTTPServerTransport):
 * 401 → protected resource metadata → RFC 8414 metadata → dynamic registration → PKCE → token →
 * tool call, over real HTTP on 127.0.0.1.
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer as V1McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import {
  getOAuthProtectedResourceMetadataUrl,
  mcpAuthRouter,
} from '@modelcontextprotocol/sdk/server/auth/router.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { DemoInMemoryAuthProvider } from '@modelcontextprotocol/sdk/examples/server/demoInMemoryOAuthProvider.js';
import { Client, HttpClientTransport, InMemoryTokenStore } from '@typemcp/client';

/** The little of express (a dependency of the official SDK, without types here) this test uses. */
interface ExpressApp {
  (req: http.IncomingMessage, res: http.ServerResponse): void;
  use(...handlers: unknown[]): void;
  all(path: string, ...handlers: unknown[]): void;
}

const express = require('express') as { (): ExpressApp; json(): unknown };

jest.setTimeout(60_000);

it('discovers, registers, authorizes with PKCE and calls a tool of an official-SDK-protected server', async () => {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const mcpUrl = new URL(`${origin}/mcp`);
  const provider = new DemoInMemoryAuthProvider();
  const app = express();
  app.use(
    mcpAuthRouter({
      provider,
      issuerUrl: new URL(origin),
      resourceServerUrl: mcpUrl,
      scopesSupported: ['mcp:tools'],
    }),
  );
  const transports = new Map<string, StreamableHTTPServerTransport>();
  app.all(
    '/mcp',
    requireBearerAuth({
      verifier: provider,
      resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(mcpUrl),
    }),
    express.json(),
    async (req: http.IncomingMessage & { body: unknown }, res: http.ServerResponse) => {
      const sid = req.headers['mcp-session-id'] as string | undefined;
      let transport = sid ? transports.get(sid) : undefined;
      if (!transport) {
        transport = new StreamableHTTPServerTransport({
          sessionIdGenerator: () => randomUUID(),
          onsessioninitialized: (id) =>
            void transports.set(id, transport as StreamableHTTPServerTransport),
        });
        const mcp = new V1McpServer({ name: 'official-protected', version: '1.0.0' });
        mcp.registerTool('whoami', { description: 'who' }, (extra) => ({
          content: [{ type: 'text', text: `client ${extra.authInfo?.clientId}` }],
        }));
        await mcp.connect(transport);
      }
      await transport.handleRequest(req, res, req.body);
    },
  );
  server.on('request', app);
  const store = new InMemoryTokenStore();
  const visits: URL[] = [];
  const client = new Client({ name: 'typemcp', version: '0.1.0' });
  try {
    await client.connect(
      new HttpClientTransport(mcpUrl, {
        authProvider: {
          clientMetadata: {
            client_name: 'typemcp',
            redirect_uris: ['http://127.0.0.1:1/callback'],
            token_endpoint_auth_method: 'none',
          },
          redirectToAuthorization: async (url) => {
            visits.push(url);
            return (await fetch(url, { redirect: 'manual' })).headers.get('location') as string;
          },
          store,
        },
      }),
    );
    const registered = (await store.get(`${origin}/`)) ?? (await store.get(origin));
    expect(registered?.client?.client_id).toEqual(expect.any(String));
    expect(visits[0].searchParams.get('scope')).toBe('mcp:tools');
    const result = await client.callTool({ name: 'whoami', arguments: {} });
    expect(result.content).toEqual([
      { type: 'text', text: `client ${registered?.client?.client_id}` },
    ]);
    await client.close();
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
