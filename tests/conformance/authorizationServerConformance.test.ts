/**
 * The official conformance suite's authorization-server scenarios (metadata endpoint,
 * authorization code grant with PKCE) against the built-in authorization server of
 * @typemcp/auth on 127.0.0.1; the test plays the browser: it follows the printed authorization URL
 * (auto-approved) to the suite's callback listener.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Hono } from 'hono';
import { authorizationServer, InMemoryOAuthProvider } from '@typemcp/auth';
import { listenLate } from '../../packages/auth/test/support/listen';

jest.setTimeout(120_000);

const DIR = __dirname;
const NODE22 = path.join(DIR, 'node_modules', '.bin', 'node');
const CLI = path.join(
  DIR,
  'node_modules',
  '@modelcontextprotocol',
  'conformance',
  'dist',
  'index.js',
);

/** A port free now, for the suite's callback listener (it must be registered before the run). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

it('passes authorization-server-metadata-endpoint and authorization-code-grant', async () => {
  const provider = new InMemoryOAuthProvider({
    approve: (request) => ({ subject: 'conformance-user', scopes: request.scopes }),
  });
  const as = await listenLate((origin) =>
    new Hono().route(
      '/',
      authorizationServer({
        provider,
        issuer: origin,
        scopesSupported: ['mcp'],
        resources: [`${origin}/mcp`],
      }),
    ),
  );
  try {
    const port = await freePort();
    const registered = await fetch(`${as.origin}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_name: 'conformance',
        redirect_uris: [`http://127.0.0.1:${port}/callback`],
        token_endpoint_auth_method: 'none',
      }),
    });
    const { client_id } = (await registered.json()) as { client_id: string };
    const child = spawn(
      NODE22,
      [
        CLI,
        'authorization',
        '--url',
        as.origin,
        '--client-id',
        client_id,
        '--resource',
        `${as.origin}/mcp`,
        '-p',
        String(port),
      ],
      {
        cwd: DIR,
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    let output = '';
    let browsed = false;
    const done = new Promise<number | null>((resolve) => child.on('close', resolve));
    const onData = async (chunk: Buffer) => {
      output += chunk.toString();
      const url = /(http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+)/.exec(output)?.[1];
      if (!url || browsed || !output.includes('Callback server started')) return;
      browsed = true;
      const consent = await fetch(url, { redirect: 'manual' });
      await fetch(consent.headers.get('location') as string);
    };
    child.stdout.on('data', (c: Buffer) => void onData(c));
    child.stderr.on('data', (c: Buffer) => void onData(c));
    const code = await done;
    if (code !== 0) console.log(output.slice(-3000));
    expect(output).toMatch(/Total: 3 passed, 0 failed/);
    expect(code).toBe(0);
  } finally {
    await as.close();
  }
});
