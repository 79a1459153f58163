/**
 * apps/auth as users run it: the server (`--port 0 --auto-approve`) and the client script, two
 * child processes; the client logs in through a loopback redirect, calls whoami, steps up for
 * admin_only, and a second run with the same token file needs no login.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../support/ensureBuilt';
import { tsNodeCommand } from '../support/spawnTs';

jest.setTimeout(120_000);

let server: ChildProcess;
let mcpUrl: string;
beforeAll(async () => {
  ensureBuilt(['auth']);
  const { command, args } = tsNodeCommand('apps/auth/src/server.ts', [
    '--port',
    '0',
    '--auto-approve',
  ]);
  server = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  mcpUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL announced: ${stderr}`)), 40_000);
    server.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString();
      const m = /serving MCP at (http:\/\/\S+\/mcp)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
});
afterAll(async () => {
  const exited = new Promise((r) => server.on('exit', r));
  server.kill('SIGTERM');
  await exited;
});

function runClient(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { command, args: full } = tsNodeCommand('apps/auth/src/client.ts', [
    mcpUrl,
    '--follow',
    ...args,
  ]);
  const child = spawn(command, full, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

it('the client script logs in, calls whoami, steps up for admin_only; a second run reuses the stored tokens', async () => {
  const store = join(await mkdtemp(join(tmpdir(), 'typemcp-auth-example-')), 'tokens.json');
  const first = await runClient(['--store', store]);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(
    /whoami: \{"subject":"demo-user","clientId":"[^"]+","scopes":\["mcp"\]\}/,
  );
  expect(first.stdout).toContain('admin_only: Welcome, administrator.');
  const second = await runClient(['--store', store]);
  expect(second.code).toBe(0);
  expect(second.stdout).toContain('"scopes":["mcp","admin"]');
});
