/**
 * The consent page of apps/auth: GET /authorize shows a form carrying a one-time consent token;
 * approving posts back and gets the code; a replayed consent token is a fresh page, not an
 * approval; denying answers access_denied with state and iss.
 */
import 'reflect-metadata';
import { McpServer, Tool } from '@typemcp/server';
import { consent } from '../../apps/auth/src/consent';
import { pkce, startAsAndMcp } from '../../packages/auth/test/support/asFixture';

@McpServer({ name: 'consent' })
class Api {
  @Tool()
  ping(): string {
    return 'pong';
  }
}

const REDIRECT = 'http://127.0.0.1:9/callback';

it('approves through the form, refuses a replayed consent token, and denies', async () => {
  const served = await startAsAndMcp(Api, {}, { approve: consent });
  try {
    const registered = await fetch(`${served.origin}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_name: '<b>App</b>',
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: 'none',
      }),
    });
    const { client_id } = (await registered.json()) as { client_id: string };
    const params = {
      response_type: 'code',
      client_id,
      redirect_uri: REDIRECT,
      code_challenge: pkce().challenge,
      code_challenge_method: 'S256',
      state: 's1',
      scope: 'mcp',
    };
    const page = await fetch(`${served.origin}/authorize?${new URLSearchParams(params)}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('&#60;b&#62;App&#60;/b&#62;'); // the client's name is escaped
    const token = /name="consent_token" value="([^"]+)"/.exec(html)?.[1] as string;
    const post = (fields: Record<string, string>) =>
      fetch(`${served.origin}/authorize`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...params, ...fields }).toString(),
      });
    const approved = await post({ consent_token: token, consent: 'approve' });
    expect(approved.status).toBe(302);
    expect(new URL(approved.headers.get('location') as string).searchParams.get('code')).toEqual(
      expect.any(String),
    );
    const replayed = await post({ consent_token: token, consent: 'approve' });
    expect(replayed.status).toBe(200); // a new page, no code
    const fresh = /name="consent_token" value="([^"]+)"/.exec(await replayed.text())?.[1] as string;
    const denied = await post({ consent_token: fresh, consent: 'deny' });
    expect(
      Object.fromEntries(new URL(denied.headers.get('location') as string).searchParams),
    ).toEqual({
      error: 'access_denied',
      error_description: 'The user denied the request',
      state: 's1',
      iss: served.origin,
    });
  } finally {
    await served.close();
  }
});
