/**
 * The era probe over stdio counts its timeout from the server's first byte, not from the spawn:
 * a server that takes longer to start than the probe timeout (ts-node on a busy machine) still
 * gets the current revision (issue 11).
 */
import * as path from 'node:path';
import { RequestTimeoutError } from '@typemcp/protocol';
import { Client, StdioClientTransport } from '@typemcp/client';

jest.setTimeout(60_000);

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'stdioServer.ts');
const TS_NODE = require.resolve('ts-node/register/transpile-only');

it('speaks 2026-07-28 to a server that starts long after the probe timeout', async () => {
  // The server starts 1.5 s after spawn; the probe allows 100 ms once the server shows life.
  const script = `setTimeout(() => require(${JSON.stringify(FIXTURE)}), 1500)`;
  const client = new Client({ name: 'slow-start', version: '1' }, { probeTimeoutMs: 100 });
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: ['-r', TS_NODE, '-e', script] }),
  );
  expect(client.era).toBe('modern');
  expect(client.protocolVersion).toBe('2026-07-28');
  await client.close();
});

it('still settles when a server writes nothing at all: the startup cap bounds the wait', async () => {
  const client = new Client(
    { name: 'silent', version: '1' },
    { probeTimeoutMs: 100, probeStartupTimeoutMs: 300, requestTimeoutMs: 500 },
  );
  // The probe gives up (legacy) and the handshake that follows times out: nothing hangs.
  const attempt = client.connect(
    new StdioClientTransport({ command: process.execPath, args: ['-e', 'process.stdin.resume()'] }),
  );
  await expect(attempt).rejects.toBeInstanceOf(RequestTimeoutError);
  await expect(attempt).rejects.toThrow(/initialize/);
});
