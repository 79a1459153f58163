/**
 * Client ID Metadata Documents (a document naming itself; bounded cache; private addresses refused)
 * and endpoint rate limits, over real HTTP.
 */
import 'reflect-metadata';
import { ClientMetadataFetcher } from '@typemcp/auth';
import { isPublicAddress } from '../src/authorization/cimd/isPublicAddress';
import { McpServer, Tool } from '@typemcp/server';
import { form, pkce, startAsAndMcp } from './support/asFixture';

@McpServer({ name: 'cimd' })
class Echo {
  @Tool()
  echo(text: string): string {
    return text;
  }
}

const CLIENT_URL = 'https://app.example.com/oauth/client.json';
const REDIRECT = 'http://127.0.0.1:9999/callback';

describe('Client ID Metadata Documents', () => {
  let loads = 0;
  let document: Record<string, unknown> = {
    client_id: CLIENT_URL,
    client_name: 'App',
    redirect_uris: [REDIRECT],
  };
  const fetcher = new ClientMetadataFetcher({
    load: async () => (loads++, JSON.stringify(document)),
  });
  let served: Awaited<ReturnType<typeof startAsAndMcp>>;
  beforeAll(
    async () => (served = await startAsAndMcp(Echo, { clientIdMetadataDocuments: fetcher })),
  );
  afterAll(() => served.close());

  it('a client_id URL authorizes and redeems its code without registration; the document is cached', async () => {
    const { verifier, challenge } = pkce();
    const params = {
      response_type: 'code',
      client_id: CLIENT_URL,
      redirect_uri: REDIRECT,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    };
    const back = new URL(
      (
        await fetch(`${served.origin}/authorize?${new URLSearchParams(params)}`, {
          redirect: 'manual',
        })
      ).headers.get('location') as string,
    );
    const code = back.searchParams.get('code') as string;
    const token = await form(`${served.origin}/token`, {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
      client_id: CLIENT_URL,
    });
    expect(token.status).toBe(200);
    expect(loads).toBe(1);
  });

  it('a document naming another client_id is refused', async () => {
    document = { client_id: 'https://evil.example/client.json', redirect_uris: [REDIRECT] };
    await expect(
      new ClientMetadataFetcher({ load: async () => JSON.stringify(document) }).fetch(CLIENT_URL),
    ).rejects.toThrow('names another client_id');
  });

  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '::1',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '100.64.0.1',
    '0.0.0.0',
  ])('%s is not a public address', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it('public addresses are', () => {
    expect(isPublicAddress('93.184.215.14')).toBe(true);
    expect(isPublicAddress('2606:2800:21f:cb07:6820:80da:af6b:8b2c')).toBe(true);
  });
});

describe('rate limits', () => {
  it('past the limit an endpoint answers 429 with Retry-After', async () => {
    const served = await startAsAndMcp(Echo, { rateLimitPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (
            await form(`${served.origin}/token`, {
              grant_type: 'client_credentials',
              client_id: 'x',
            })
          ).status,
        );
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const limited = await form(`${served.origin}/token`, {});
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.json()).toEqual({
        error: 'too_many_requests',
        error_description: 'Too many requests; try again later',
      });
      // another endpoint has its own budget
      expect((await fetch(`${served.origin}/.well-known/oauth-authorization-server`)).status).toBe(
        200,
      );
    } finally {
      await served.close();
    }
  });
});
