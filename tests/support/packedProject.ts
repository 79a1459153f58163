/**
 * A bare project outside the repository that installs TypeMCP the way a stranger does: from the
 * packed tarballs (`npm pack` of every package) plus their peers from the registry. Nothing of
 * the repository's node_modules can reach it: it lives under the OS temp directory and runs with
 * an environment stripped of npm's and Node's path variables.
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './spawnTs';

const run = promisify(execFile);

/** One packed package: its name and the tarball's absolute path. */
export interface Tarball {
  name: string;
  file: string;
  /** Paths inside the tarball. */
  files: string[];
}

/** The environment a child in the bare project gets: no npm_* variables, no NODE_OPTIONS/NODE_PATH. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'NODE_OPTIONS' || key === 'NODE_PATH' || key === 'INIT_CWD')
      continue;
    env[key] = value;
  }
  return {
    ...env,
    npm_config_loglevel: 'error',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...extra,
  };
}

/** Runs a command in `cwd`, resolving with its output; rejects with stdout and stderr in the message. */
export async function sh(
  command: string,
  args: string[],
  cwd: string,
  env = cleanEnv(),
): Promise<string> {
  try {
    const { stdout } = await run(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as Error & { stdout?: string; stderr?: string };
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`,
      { cause: error },
    );
  }
}

/** Builds the packages and packs every public one into `dest`. */
export async function packAll(dest: string): Promise<Tarball[]> {
  await sh('npm', ['run', 'build', '--silent'], ROOT, { ...process.env });
  const tarballs: Tarball[] = [];
  for (const dir of fs.readdirSync(path.join(ROOT, 'packages')).sort()) {
    const pkgDir = path.join(ROOT, 'packages', dir);
    const manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as {
      name: string;
      private?: boolean;
    };
    if (manifest.private) continue;
    const out = await sh('npm', ['pack', '--json', '--pack-destination', dest], pkgDir, {
      ...process.env,
    });
    const [info] = JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarballs.push({
      name: manifest.name,
      file: path.join(dest, info.filename),
      files: info.files.map((f) => f.path),
    });
  }
  return tarballs;
}

/** A new empty folder under the OS temp directory (outside the repository). */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (dir.startsWith(ROOT)) throw new Error(`temp dir ${dir} is inside the repository`);
  return dir;
}

/** What goes into a bare project. */
export interface ProjectSpec {
  /** package.json `type`. */
  type?: 'module' | 'commonjs';
  /** Registry dependencies beside the tarballs (peers and the user's own). */
  dependencies: Record<string, string>;
  devDependencies?: Record<string, string>;
  /** Files to write, by relative path. */
  files: Record<string, string>;
}

/** Writes the project and runs `npm install` there: tarballs by file path, the rest from the registry. */
export async function createProject(
  dir: string,
  tarballs: Tarball[],
  spec: ProjectSpec,
): Promise<void> {
  const dependencies: Record<string, string> = {};
  for (const t of tarballs) dependencies[t.name] = `file:${t.file}`;
  Object.assign(dependencies, spec.dependencies);
  const manifest = {
    name: path.basename(dir).toLowerCase(),
    version: '1.0.0',
    private: true,
    type: spec.type,
    dependencies,
    devDependencies: spec.devDependencies ?? {},
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const [file, text] of Object.entries(spec.files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  await sh('npm', ['install', '--no-audit', '--no-fund'], dir);
}

/** Spawns a process in the project with the clean environment and piped stdio. */
export function spawnIn(
  dir: string,
  command: string,
  args: string[],
): ChildProcessWithoutNullStreams {
  return spawn(command, args, { cwd: dir, env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Resolves with the first match of `pattern` on the child's stderr (rejects when it exits first). */
export function waitForStderr(
  child: ChildProcessWithoutNullStreams,
  pattern: RegExp,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = pattern.exec(text);
      if (match) {
        child.stderr.off('data', onData);
        resolve(match);
      }
    };
    child.stderr.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`exited with ${code} before ${pattern}: ${text}`)),
    );
  });
}

/**
 * The code block that follows `marker` in a docs file: the tests run exactly what the guide
 * tells a user to write.
 */
export function docBlock(docFile: string, marker: string): string {
  const text = fs.readFileSync(path.join(ROOT, docFile), 'utf8');
  const at = text.indexOf(marker);
  if (at === -1) throw new Error(`${docFile} has no ${marker}`);
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(text.slice(at));
  if (!block) throw new Error(`${docFile} has no code block after ${marker}`);
  return block[1];
}
