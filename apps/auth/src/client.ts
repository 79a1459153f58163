/**
 * Logs in to a protected MCP server and calls its tools:
 *
 *   npx ts-node apps/auth/src/client.ts http://127.0.0.1:3000/mcp [--follow] [--store tokens.json]
 *
 * The authorization URL is printed for you to open; the browser comes back to a loopback listener
 * on 127.0.0.1. With --follow (for a server started with --auto-approve) the script follows the
 * URL itself. --store keeps the tokens in a file, so a second run needs no login.
 */
import {
  Client,
  FileTokenStore,
  HttpClientTransport,
  InMemoryTokenStore,
  loopbackRedirect,
} from '@typemcp/client';
import type { OAuthClientProvider } from '@typemcp/client';

async function main(): Promise<void> {
  const url = new URL(process.argv[2] ?? 'http://127.0.0.1:3000/mcp');
  const follow = process.argv.includes('--follow');
  const storeAt = process.argv.indexOf('--store');
  const loopback = await loopbackRedirect({ timeoutMs: 120_000 });
  const provider: OAuthClientProvider = {
    clientMetadata: {
      client_name: 'TypeMCP auth demo client',
      redirect_uris: [loopback.redirectUri],
      token_endpoint_auth_method: 'none',
    },
    store:
      storeAt !== -1 ? new FileTokenStore(process.argv[storeAt + 1]) : new InMemoryTokenStore(),
    redirectToAuthorization: async (authorizationUrl) => {
      const callback = loopback.waitForCallback();
      if (follow) {
        const consent = await fetch(authorizationUrl, { redirect: 'manual' });
        await fetch(consent.headers.get('location') as string); // the "browser" arrives at the loopback listener
      } else {
        process.stdout.write(`Open this URL to sign in:\n  ${authorizationUrl.href}\n`);
      }
      return callback;
    },
  };
  const client = new Client({ name: 'auth-demo-client', version: '1.0.0' });
  await client.connect(new HttpClientTransport(url, { authProvider: provider }));
  const who = await client.callTool({ name: 'whoami', arguments: {} });
  process.stdout.write(`whoami: ${JSON.stringify(who.structuredContent)}\n`);
  const admin = await client.callTool({ name: 'admin_only', arguments: {} }); // 403 → step-up login for `admin`
  process.stdout.write(`admin_only: ${(admin.content[0] as { text: string }).text}\n`);
  await client.close();
  loopback.close();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `auth demo client failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
