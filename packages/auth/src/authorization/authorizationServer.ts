import { Hono } from 'hono';
import type { Context as HonoContext } from 'hono';
import type { AuthorizationServerOptions } from './AuthorizationServerOptions';
import { AsContext } from './handlers/AsContext';
import { authorizeHandler } from './handlers/authorize';
import { authorizationServerMetadata } from './handlers/metadata';
import { registerHandler } from './handlers/register';
import { revokeHandler } from './handlers/revoke';
import { tokenHandler } from './handlers/token';
import { OAuthError, oauthJson } from './OAuthError';
import { RateLimiter } from './RateLimiter';

type Handler = (request: Request, ctx: AsContext) => Promise<Response>;

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, mcp-protocol-version',
};

/** The address of the caller under @hono/node-server (else one shared bucket). */
function clientAddress(c: HonoContext): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * The built-in OAuth 2.1 authorization server as a Hono app to mount at the origin's root:
 * `/authorize`, `/token`, `/register`, `/revoke` under the issuer's path, RFC 8414 metadata at
 * `/.well-known/oauth-authorization-server[/<issuer path>]` and the OpenID discovery aliases.
 * With the issuer at the origin this is also the 2025-03-26 layout (metadata at the origin,
 * default endpoints). Endpoints are rate-limited per client address; errors are OAuth JSON.
 *
 * @example
 * const provider = new InMemoryOAuthProvider({ approve: async () => ({ subject: 'demo-user' }) });
 * const app = new Hono();
 * app.route('/', authorizationServer({ provider, issuer: 'http://127.0.0.1:3000', scopesSupported: ['mcp', 'admin'] }));
 * app.route('/', mcpHonoApp(mcp, { auth: { verifier: provider, resource: 'http://127.0.0.1:3000/mcp', authorizationServers: ['http://127.0.0.1:3000'] } }));
 */
export function authorizationServer(options: AuthorizationServerOptions): Hono {
  const ctx = new AsContext(options);
  const limit = options.rateLimitPerMinute ?? 60;
  const limiter = limit === false ? undefined : new RateLimiter(limit, 60_000);
  const app = new Hono();
  const run = (name: string, handler: Handler) => async (c: HonoContext) => {
    const key = `${clientAddress(c)} ${name}`;
    if (limiter && !limiter.allow(key)) {
      return oauthJson(
        { error: 'too_many_requests', error_description: 'Too many requests; try again later' },
        429,
        { 'retry-after': String(limiter.retryAfter(key)), ...CORS },
      );
    }
    try {
      const response = await handler(c.req.raw, ctx);
      if (name !== 'authorize')
        for (const [k, v] of Object.entries(CORS)) response.headers.set(k, v);
      return response;
    } catch (error) {
      if (error instanceof OAuthError) return error.toResponse(name === 'authorize' ? {} : CORS);
      return new OAuthError('server_error', 'The authorization server failed').toResponse(CORS);
    }
  };
  const base = ctx.basePath;
  const metadata = () =>
    oauthJson(authorizationServerMetadata(ctx), 200, { ...CORS, 'cache-control': 'max-age=300' });
  const wellKnown = [
    `/.well-known/oauth-authorization-server${base}`,
    `/.well-known/openid-configuration${base}`,
  ];
  if (base) wellKnown.push(`${base}/.well-known/openid-configuration`);
  for (const path of wellKnown) {
    app.get(path, metadata);
    app.options(path, () => new Response(null, { status: 204, headers: CORS }));
  }
  app.on(['GET', 'POST'], `${base}/authorize`, run('authorize', authorizeHandler));
  for (const [path, handler] of [
    ['token', tokenHandler],
    ['register', registerHandler],
    ['revoke', revokeHandler],
  ] as const) {
    app.post(`${base}/${path}`, run(path, handler));
    app.options(`${base}/${path}`, () => new Response(null, { status: 204, headers: CORS }));
  }
  return app;
}
