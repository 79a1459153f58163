/**
 * The official conformance suite (@modelcontextprotocol/conformance, both eras) against the
 * everything server over HTTP on 127.0.0.1. Known failures sit in baseline.yml, each with its
 * reason; the run fails on any other failure and on a baseline entry that starts to pass.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { createEverything } from '../../apps/everything/src/server';

jest.setTimeout(240_000);

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

function runSuite(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(NODE22, [CLI, ...args], {
      cwd: DIR,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('official conformance suite, server scenarios (--suite all)', () => {
  let running: RunningHttpServer;
  beforeAll(async () => {
    running = await serve(createEverything(), { port: 0, handleSignals: false });
  });
  afterAll(() => running.close());

  it('passes every scenario outside the baseline, and the baseline holds no stale entry', async () => {
    const { code, output } = await runSuite([
      'server',
      '--url',
      `${running.url}/mcp`,
      '--suite',
      'all',
      '--expected-failures',
      path.join(DIR, 'baseline.yml'),
    ]);
    const summary = output.slice(output.indexOf('=== SUMMARY ==='));
    if (code !== 0) console.log(summary);
    expect(summary).toMatch(/Total: \d+ passed/);
    expect(code).toBe(0);
  });
});
