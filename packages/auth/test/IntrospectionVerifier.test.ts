/** RFC 7662 introspection against a real HTTP endpoint: answers cached, refusals, failures not cached. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IntrospectionVerifier, InvalidTokenError } from '@typemcp/auth';

const AUDIENCE = 'https://mcp.example.com/mcp';
let calls = 0;
let fail = false;
const answers: Record<string, Record<string, unknown>> = {
  good: {
    active: true,
    sub: 'alice',
    client_id: 'c1',
    scope: 'mcp admin',
    aud: AUDIENCE,
    exp: Math.floor(Date.now() / 1000) + 600,
  },
  other: {
    active: true,
    sub: 'alice',
    aud: 'https://other.example/mcp',
    exp: Math.floor(Date.now() / 1000) + 600,
  },
  expired: { active: true, sub: 'alice', aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) - 5 },
};
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    calls++;
    if (fail) return void res.writeHead(500).end();
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from('rs:secret').toString('base64')}`);
    const token = new URLSearchParams(body).get('token') as string;
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(answers[token] ?? { active: false }));
  });
});
let verifier: IntrospectionVerifier;
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  verifier = new IntrospectionVerifier({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/introspect`,
    audience: AUDIENCE,
    clientId: 'rs',
    clientSecret: 'secret',
  });
});
afterAll(() => new Promise((r) => server.close(r)));

it('an active token becomes the caller, and the answer is reused', async () => {
  calls = 0;
  const auth = await verifier.verify('good');
  expect(auth).toMatchObject({
    subject: 'alice',
    clientId: 'c1',
    scopes: ['mcp', 'admin'],
    token: 'good',
  });
  await verifier.verify('good');
  expect(calls).toBe(1);
});

it.each([
  ['unknown', 'The token is not active'],
  ['other', 'The token was issued for another resource'],
  ['expired', 'The token expired'],
])('%s: InvalidTokenError "%s"', async (token, message) => {
  await expect(verifier.verify(token)).rejects.toThrow(new InvalidTokenError(message));
});

it('a failing endpoint is not an answer: a plain error (503 at the endpoint), nothing cached', async () => {
  fail = true;
  const error = await verifier.verify('fresh').catch((e: unknown) => e);
  expect(error).not.toBeInstanceOf(InvalidTokenError);
  fail = false;
  await expect(verifier.verify('fresh')).rejects.toThrow('The token is not active');
});
