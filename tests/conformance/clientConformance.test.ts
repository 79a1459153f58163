/**
 * The official conformance suite's client scenarios against apps/conformance-client (the TypeMCP
 * client). Each scenario runs on its own, the authorization ones included (the client logs in
 * through apps/conformance-client/src/authProvider.ts). Known failures
 * sit in baseline.yml with their reasons; a baseline entry that starts to pass fails the run.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { ensureBuilt } from '../support/ensureBuilt';

jest.setTimeout(120_000);

const DIR = __dirname;
const ROOT = path.resolve(DIR, '..', '..');
const NODE22 = path.join(DIR, 'node_modules', '.bin', 'node');
const CLI = path.join(
  DIR,
  'node_modules',
  '@modelcontextprotocol',
  'conformance',
  'dist',
  'index.js',
);
const CLIENT = `${process.execPath} -r ${require.resolve('ts-node/register/transpile-only')} ${path.join(ROOT, 'apps', 'conformance-client', 'src', 'client.ts')}`;

const SCENARIOS = [
  'initialize',
  'tools_call',
  'elicitation-sep1034-client-defaults',
  'sse-retry',
  'request-metadata',
  'sep-2322-client-request-state',
  'http-standard-headers',
  'http-custom-headers',
  'http-invalid-tool-headers',
  'json-schema-ref-no-deref',
  'json-schema-2020-12-preservation',
  // authorization (SPEC.md 4.2): every core auth scenario, and the client-credentials extension
  'auth/metadata-default',
  'auth/metadata-var1',
  'auth/metadata-var2',
  'auth/metadata-var3',
  'auth/basic-cimd',
  'auth/scope-from-www-authenticate',
  'auth/scope-from-scopes-supported',
  'auth/scope-omitted-when-undefined',
  'auth/scope-step-up',
  'auth/scope-retry-limit',
  'auth/token-endpoint-auth-basic',
  'auth/token-endpoint-auth-post',
  'auth/token-endpoint-auth-none',
  'auth/pre-registration',
  'auth/2025-03-26-oauth-metadata-backcompat',
  'auth/2025-03-26-oauth-endpoint-fallback',
  'auth/resource-mismatch',
  'auth/offline-access-scope',
  'auth/offline-access-not-supported',
  'auth/authorization-server-migration',
  'auth/iss-supported',
  'auth/iss-not-advertised',
  'auth/iss-supported-missing',
  'auth/iss-wrong-issuer',
  'auth/iss-unexpected',
  'auth/iss-normalized',
  'auth/metadata-issuer-mismatch',
  'auth/client-credentials-basic',
  'auth/client-credentials-jwt',
];

function runScenario(scenario: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      NODE22,
      [
        CLI,
        'client',
        '--command',
        CLIENT,
        '--scenario',
        scenario,
        '--expected-failures',
        path.join(DIR, 'baseline.yml'),
      ],
      { cwd: DIR, env: { ...process.env, NO_COLOR: '1' } },
    );
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('official conformance suite, client scenarios', () => {
  beforeAll(() => ensureBuilt(['auth'])); // the client program imports @typemcp/auth
  it.each(SCENARIOS)('%s', async (scenario) => {
    const { code, output } = await runScenario(scenario);
    if (code !== 0) console.log(output.slice(-3000));
    expect(output).toMatch(/Passed: \d+\/\d+/);
    expect(code).toBe(0);
  });
});
