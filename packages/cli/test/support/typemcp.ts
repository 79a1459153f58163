import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams, SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Repository root. */
export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/**
 * The `typemcp` bin under test: `TYPEMCP_BIN` (e.g. the bin of a packed install), else this
 * package's build (`npm run build` first).
 */
export function typemcpBin(): string {
  const bin = process.env.TYPEMCP_BIN ?? path.join(ROOT, 'packages', 'cli', 'dist', 'main.js');
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
  return bin;
}

/** The command and arguments that start `typemcp <args>`. */
export function typemcpCommand(args: string[]): { command: string; args: string[] } {
  return { command: process.execPath, args: [typemcpBin(), ...args] };
}

/** What a finished `typemcp` process printed. */
export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `typemcp <args>` to its end. */
export function typemcp(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string },
): Promise<Finished> {
  const { command, args: full } = typemcpCommand(args);
  const child = spawn(command, full, {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: 'pipe',
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts a long-running `typemcp <args>` (run, dev). */
export function startTypemcp(
  args: string[],
  options: SpawnOptions & { cwd: string },
): ChildProcessWithoutNullStreams {
  const { command, args: full } = typemcpCommand(args);
  return spawn(command, full, {
    ...options,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: 'pipe',
  }) as ChildProcessWithoutNullStreams;
}

/** Resolves with the first match of `pattern` in what `stream` prints. */
export function waitForOutput(
  stream: NodeJS.ReadableStream,
  pattern: RegExp,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = pattern.exec(text);
      if (match) {
        stream.off('data', onData);
        resolve(match);
      }
    };
    stream.on('data', onData);
    stream.once('end', () => reject(new Error(`stream ended before ${pattern}:\n${text}`)));
  });
}

const created: string[] = [];

/** A new empty temporary folder, removed after the test file's tests. */
export function tempDir(prefix: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  created.push(dir);
  return dir;
}

// Registered when a test file imports this helper: its temporary folders go when it ends.
afterAll(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A temporary project folder whose `node_modules` holds what a user's project would: the
 * `@typemcp` packages and reflect-metadata, linked from this repository (or from
 * `TYPEMCP_NODE_MODULES`, a packed install's node_modules), plus any extra packages given.
 */
export function tempProject(
  files: Record<string, string> = {},
  extraModules: Record<string, Record<string, string>> = {},
): string {
  const dir = tempDir('typemcp-cli-');
  const source = process.env.TYPEMCP_NODE_MODULES ?? path.join(ROOT, 'node_modules');
  const modules = path.join(dir, 'node_modules');
  fs.mkdirSync(modules);
  for (const name of [
    '@typemcp',
    'reflect-metadata',
    'class-validator',
    'class-transformer',
    'typedi',
    '@types',
  ]) {
    if (fs.existsSync(path.join(source, name)))
      fs.symlinkSync(path.join(source, name), path.join(modules, name), 'junction');
  }
  for (const [name, content] of Object.entries(extraModules))
    writeFiles(path.join(modules, name), content);
  writeFiles(dir, files);
  return dir;
}

/** Writes files (relative path → content) under a folder. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}

/** The quickstart server's source (one tool, one resource template, one prompt). */
export const QUICKSTART = fs.readFileSync(
  path.join(ROOT, 'apps', 'quickstart', 'src', 'server.ts'),
  'utf8',
);
