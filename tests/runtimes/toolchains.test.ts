/**
 * Issue 11, item 2: a server compiled by a toolchain that emits no decorator metadata (esbuild,
 * tsx) or minified with mangled parameter names fails at start-up with the fix, in a real node
 * child process; the same server typed through @Arg, or minified with names kept, serves.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import type { BuildOptions, Plugin } from 'esbuild';
import * as ts from 'typescript';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ROOT } from '../support/spawnTs';

jest.setTimeout(120_000);

const PLAIN = path.join(ROOT, 'tests/fixtures/calculator.ts');
const TYPED = path.join(ROOT, 'tests/fixtures/calculatorTyped.ts');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/** `@typemcp/*` from the sources, so no build is needed. */
const workspaceSources: Plugin = {
  name: 'typemcp-sources',
  setup(b) {
    b.onResolve({ filter: /^@typemcp\/(protocol|server)$/ }, (args) => ({
      path: path.join(ROOT, 'packages', args.path.slice('@typemcp/'.length), 'src/index.ts'),
    }));
  },
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'typemcp-toolchains-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bundles for node with esbuild; returns the output file. */
async function bundle(name: string, options: BuildOptions): Promise<string> {
  const outfile = path.join(dir, `${name}.js`);
  await build({
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'silent',
    plugins: [workspaceSources],
    ...options,
  });
  return outfile;
}

/** The fixture compiled by TypeScript itself (decorator metadata on), bundled and minified by esbuild. */
async function tscThenMinify(name: string, minifyIdentifiers: boolean): Promise<string> {
  const compiled = ts.transpileModule(readFileSync(PLAIN, 'utf8'), {
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
    },
  }).outputText;
  return bundle(name, {
    stdin: {
      contents: compiled,
      resolveDir: path.dirname(PLAIN),
      loader: 'js',
      sourcefile: 'calculator.js',
    },
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers,
    keepNames: true, // keeps class and function names (so the error names Calculator), never parameter names
  });
}

/** Runs a command expected to fail at start-up; resolves with its exit code and stderr. */
function startupFailure(
  command: string,
  args: string[],
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

/** The first line of the error node printed, from the error's name on. */
function errorLine(stderr: string): string {
  const line = stderr.split('\n').find((l) => /^\w+Error: /.test(l));
  return line ?? stderr;
}

/** Starts a server with the official client over stdio, lists its tools and calls add and greet. */
async function drive(
  command: string,
  args: string[],
): Promise<{ tools: Record<string, string[]>; sum: unknown; greeting: unknown }> {
  const client = new Client({ name: 'toolchains', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command, args, cwd: ROOT, stderr: 'pipe' }));
  try {
    const { tools } = await client.listTools();
    const sum = await client.callTool({ name: 'add', arguments: { first: 20, second: 22 } });
    const greeting = await client.callTool({ name: 'greet', arguments: { name: 'Ada' } });
    return {
      tools: Object.fromEntries(
        tools.map((t) => [t.name, Object.keys(t.inputSchema.properties ?? {})]),
      ),
      sum: (sum.content as Array<{ text: string }>)[0].text,
      greeting: (greeting.content as Array<{ text: string }>)[0].text,
    };
  } finally {
    await client.close();
  }
}

const NO_METADATA =
  'NoDecoratorMetadataError: Calculator carries no decorator metadata: none of its @Tool, @Resource or @Prompt methods has design:paramtypes, so the types of Calculator.add(first), Calculator.add(second), Calculator.greet(name), Calculator.greet(ctx) are unknown. The runtime or compiler that loaded it emitted no decorator metadata (tsx, esbuild and bundlers built on it, SWC without jsc.transform.decoratorMetadata, Bun without emitDecoratorMetadata never write it). Either give every parameter its type with @Arg, e.g. @Arg({ type: () => String }) (a Context parameter: @Arg({ type: () => Context })), or compile with tsc, or run with ts-node, with "experimentalDecorators": true and "emitDecoratorMetadata": true in tsconfig.json.';

describe('toolchains without decorator metadata', () => {
  it('esbuild (bundled, not minified): one start-up error says the metadata is missing and how to fix it', async () => {
    const out = await bundle('esbuild-plain', { entryPoints: [PLAIN] });
    const { code, stderr } = await startupFailure(process.execPath, [out]);
    expect(code).toBe(1);
    expect(errorLine(stderr)).toBe(NO_METADATA);
  });

  it('tsx: the same error', async () => {
    const { code, stderr } = await startupFailure(TSX, ['--tsconfig', 'tsconfig.json', PLAIN]);
    expect(code).toBe(1);
    expect(errorLine(stderr)).toBe(NO_METADATA);
  });

  it('esbuild --minify: the error names the mangled parameters too', async () => {
    const out = await bundle('esbuild-minified', {
      entryPoints: [PLAIN],
      minify: true,
      keepNames: true,
    });
    const { code, stderr } = await startupFailure(process.execPath, [out]);
    expect(code).toBe(1);
    expect(errorLine(stderr)).toMatch(
      /^NoDecoratorMetadataError: Calculator carries no decorator metadata: .* so the types of Calculator\.add\((\w{1,2})\), Calculator\.add\((\w{1,2})\), .*Its parameter names were mangled by a minifier too \(.+\): keep them \(esbuild: minifyIdentifiers: false, as --keep-names keeps only function and class names; terser: mangle: false\) or name every argument with @Arg\(\{ name \}\)\.$/,
    );
  });

  it('the server typed through @Arg serves under esbuild and tsx alike', async () => {
    const out = await bundle('esbuild-typed', { entryPoints: [TYPED] });
    const expected = {
      tools: { add: ['first', 'second'], greet: ['name'] },
      sum: '42',
      greeting: 'Hello, Ada (request)',
    };
    expect(await drive(process.execPath, [out])).toEqual(expected);
    expect(await drive(TSX, ['--tsconfig', 'tsconfig.json', TYPED])).toEqual(expected);
  });
});

describe('tsc output (with metadata) minified by esbuild', () => {
  it('with identifiers minified: refused, naming the mangled arguments and the minifier options', async () => {
    const out = await tscThenMinify('tsc-minified', true);
    const { code, stderr } = await startupFailure(process.execPath, [out]);
    expect(code).toBe(1);
    expect(errorLine(stderr)).toMatch(
      /^MangledParameterNamesError: Calculator\.add looks minified: its arguments would be called "\w{1,2}", "\w{1,2}" \(every decorated method of Calculator is minified source and every parameter has a one- or two-letter name\)\. Keep parameter names when minifying \(esbuild: minifyIdentifiers: false, as --keep-names keeps only function and class names; terser: mangle: false\), or name every argument with @Arg\(\{ name: '\.\.\.' \}\)\. If you chose these short names yourself, confirm each with @Arg\(\{ name \}\)\.$/,
    );
  });

  it('with minifyIdentifiers: false: serves, arguments keep their names', async () => {
    const out = await tscThenMinify('tsc-names-kept', false);
    expect(await drive(process.execPath, [out])).toEqual({
      tools: { add: ['first', 'second'], greet: ['name'] },
      sum: '42',
      greeting: 'Hello, Ada (request)',
    });
  });
});
