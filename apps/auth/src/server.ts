/**
 * A protected MCP server and its built-in authorization server on one origin:
 *
 *   npx ts-node apps/auth/src/server.ts --port 3000 [--auto-approve] [--access-token-ttl 3600] [--db auth.sqlite]
 *
 * MCP at /mcp (tokens needed, scope `mcp`; `admin_only` needs `admin`), the authorization server at
 * /authorize, /token, /register, /revoke and its metadata under /.well-known. With --auto-approve
 * the demo user is approved without a page (tests, first tries); otherwise a consent page shows.
 */
import 'reflect-metadata';
import { serve as serveNode } from '@hono/node-server';
import { authorizationServer, InMemoryOAuthProvider } from '@typemcp/auth';
import type { AuthorizationRequest, OAuthServerProvider } from '@typemcp/auth';
import { mcpHonoApp } from '@typemcp/hono';
import { createServer } from '@typemcp/server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { consent } from './consent';
import { Demo } from './Demo';
import { SqliteOAuthProvider } from './SqliteOAuthProvider';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

const autoApprove = process.argv.includes('--auto-approve');
const approve = (request: AuthorizationRequest, http: Request) =>
  autoApprove ? { subject: 'demo-user', scopes: request.scopes } : consent(request, http);
const accessTokenTtlSeconds = Number(flag('--access-token-ttl') ?? 3600);
const database = flag('--db');
const mcp = createServer({ providers: [Demo] });

/** The whole origin, built once the port is known (the issuer and resource name it). */
function build(origin: string, provider: OAuthServerProvider): Hono {
  const app = new Hono();
  app.route(
    '/',
    authorizationServer({
      provider,
      issuer: origin,
      scopesSupported: ['mcp', 'admin'],
      resources: [`${origin}/mcp`],
      registration: { validScopes: ['mcp', 'admin'], defaultScopes: ['mcp'] },
      rateLimitPerMinute: 600,
    }),
  );
  app.route(
    '/',
    mcpHonoApp(mcp, {
      auth: {
        verifier: provider,
        resource: `${origin}/mcp`,
        authorizationServers: [origin],
        requiredScopes: ['mcp'],
        resourceName: 'TypeMCP auth demo',
      },
    }),
  );
  return app;
}

async function main(): Promise<void> {
  // --db FILE keeps clients and tokens in SQLite across restarts; otherwise they live in memory
  const provider: OAuthServerProvider = database
    ? await SqliteOAuthProvider.open(database, { approve, accessTokenTtlSeconds })
    : new InMemoryOAuthProvider({ approve, accessTokenTtlSeconds });
  let app: Hono | undefined;
  const server = serveNode(
    {
      fetch: (request: Request, env: unknown) => (app as Hono).fetch(request, env),
      hostname: '127.0.0.1',
      port: Number(flag('--port') ?? 3000),
    },
    (info: AddressInfo) => {
      const origin = `http://127.0.0.1:${info.port}`;
      app = build(origin, provider);
      process.stderr.write(
        `[auth-demo] serving MCP at ${origin}/mcp, authorization server ${origin}${autoApprove ? ' (auto-approve)' : ''}\n`,
      );
    },
  );
  const stop = () => {
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    server.close(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
