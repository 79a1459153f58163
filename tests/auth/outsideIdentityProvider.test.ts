/**
 * A protected server trusting an outside identity provider (a separate origin, issuer with a
 * path): the JwtVerifier fetches the provider's JWKS over HTTP; a machine client uses
 * client_credentials with private_key_jwt (RFC 7523), its assertion verified by the provider; the
 * client finds the provider through the 401, the protected resource metadata and the path-inserted
 * RFC 8414 URL.
 */
import 'reflect-metadata';
import { Hono } from 'hono';
import {
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
} from '../../packages/auth/test/support/jose';
import { Client, HttpClientTransport } from '@typemcp/client';
import { createClientAssertion, JwtVerifier } from '@typemcp/auth';
import { mcpHonoApp } from '@typemcp/hono';
import { Context, createServer, McpServer, Tool } from '@typemcp/server';
import { listenLate } from '../../packages/auth/test/support/listen';

@McpServer({ name: 'outside-idp' })
class Api {
  @Tool()
  whoami(ctx: Context): string {
    return `${ctx.auth?.subject} via ${ctx.auth?.clientId} [${ctx.auth?.scopes?.join(' ')}]`;
  }
}

it('client_credentials + private_key_jwt against an outside issuer, JWTs checked with its JWKS', async () => {
  const idpKeys = await generateKeyPair('ES256');
  const robotKeys = await generateKeyPair('ES256');
  const jwks = {
    keys: [{ ...(await exportJWK(idpKeys.publicKey)), kid: 'idp-1', alg: 'ES256', use: 'sig' }],
  };
  let jwksFetches = 0;
  let mcpUrl = '';
  const idp = await listenLate((origin) => {
    const issuer = `${origin}/tenant1`;
    const app = new Hono();
    app.get('/.well-known/oauth-authorization-server/tenant1', (c) =>
      c.json({
        issuer,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
        grant_types_supported: ['client_credentials'],
      }),
    );
    app.get('/tenant1/jwks', (c) => (jwksFetches++, c.json(jwks)));
    app.post('/tenant1/token', async (c) => {
      const form = new URLSearchParams(await c.req.text());
      if (
        form.get('client_assertion_type') !==
        'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
      )
        return c.json({ error: 'invalid_client' }, 401);
      try {
        await jwtVerify(form.get('client_assertion') as string, robotKeys.publicKey, {
          issuer: 'robot',
          subject: 'robot',
          audience: issuer,
          algorithms: ['ES256'],
        });
      } catch {
        return c.json({ error: 'invalid_client' }, 401);
      }
      const token = await new SignJWT({ scope: form.get('scope') ?? 'mcp', client_id: 'robot' })
        .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
        .setIssuer(issuer)
        .setSubject('robot')
        .setAudience(form.get('resource') as string)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(idpKeys.privateKey);
      return c.json({ access_token: token, token_type: 'Bearer', expires_in: 300 });
    });
    return app;
  });
  const issuer = `${idp.origin}/tenant1`;
  const mcp = await listenLate((origin) => {
    mcpUrl = `${origin}/mcp`;
    return mcpHonoApp(createServer({ providers: [Api] }), {
      auth: {
        verifier: new JwtVerifier({
          issuer,
          audience: mcpUrl,
          jwksUri: `${issuer}/jwks`,
          algorithms: ['ES256'],
        }),
        resource: mcpUrl,
        authorizationServers: [issuer],
        requiredScopes: ['mcp'],
      },
    });
  });
  try {
    const assertion = createClientAssertion({
      clientId: 'robot',
      privateKey: robotKeys.privateKey,
    });
    const client = new Client({ name: 'robot', version: '1.0.0' });
    await client.connect(
      new HttpClientTransport(new URL(mcpUrl), {
        authProvider: { clientMetadata: {}, clientCredentials: { clientId: 'robot', assertion } },
      }),
    );
    const result = await client.callTool({ name: 'whoami', arguments: {} });
    expect((result.content[0] as { text: string }).text).toBe('robot via robot [mcp]');
    await client.callTool({ name: 'whoami', arguments: {} });
    expect(jwksFetches).toBe(1); // keys cached
    await client.close();
  } finally {
    await Promise.all([idp.close(), mcp.close()]);
  }
});
