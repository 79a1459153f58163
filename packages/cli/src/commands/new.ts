import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError, UsageError } from '../errors/CliError';
import { writeFiles } from '../scaffold/writeFiles';
import { DEPENDENCIES, DEV_DEPENDENCIES, projectFiles } from '../scaffold/templates';
import { info, printJson } from '../output/log';
import { withSpinner } from '../output/spinner';

/** Options of `typemcp new`. */
export interface NewCommandOptions {
  name?: string;
  install: boolean;
  force?: boolean;
  tarballs?: string;
  json?: boolean;
}

/**
 * `typemcp new <dir>`: a server project (package.json with the packages and peers, a tsconfig,
 * a server class, a test that drives it with the TypeMCP client), then `npm install`.
 */
export async function newCommand(dir: string, options: NewCommandOptions): Promise<void> {
  const root = path.resolve(dir);
  if (fs.existsSync(root) && fs.readdirSync(root).length > 0 && !options.force) {
    throw new CliError(`${root} is not empty: pick a new folder, or pass --force to write into it`);
  }
  const name =
    options.name ??
    path
      .basename(root)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-');
  if (!/^(@[a-z0-9._-]+\/)?[a-z0-9][a-z0-9._-]*$/.test(name))
    throw new UsageError(`--name ${name}: give a valid npm package name (lowercase, no spaces)`);
  const className = toClassName(name);
  const versions =
    options.tarballs === undefined ? {} : tarballVersions(path.resolve(options.tarballs));
  const files = projectFiles({ name, className, versions });
  writeFiles(root, files);
  if (options.install) {
    await withSpinner(`installing dependencies in ${root} (npm install)`, () => npmInstall(root));
  }
  if (options.json) {
    printJson({ dir: root, name, files: Object.keys(files), installed: options.install });
    return;
  }
  const cd = path.relative(process.cwd(), root) || '.';
  info(`created ${name} in ${root}`);
  process.stderr.write(
    `\nNext:\n  cd ${cd}\n${options.install ? '' : '  npm install\n'}  npm test\n  npm run dev\n`,
  );
}

function toClassName(name: string): string {
  const words = name
    .replace(/^@[^/]+\//, '')
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean);
  const joined = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  const base = /^[A-Za-z]/.test(joined) ? joined : `Mcp${joined}`;
  return base.endsWith('Server') ? base : `${base}Server`;
}

/** `file:` specifiers for the packed tarballs in a folder (`typemcp-server-0.1.0.tgz` → `@typemcp/server`). */
function tarballVersions(folder: string): Record<string, string> {
  if (!fs.existsSync(folder)) throw new CliError(`--tarballs ${folder}: no such folder`);
  const versions: Record<string, string> = {};
  for (const file of fs.readdirSync(folder)) {
    const match = /^typemcp-([a-z-]+?)-\d+\.\d+\.\d+.*\.tgz$/.exec(file);
    if (match) versions[`@typemcp/${match[1]}`] = `file:${path.join(folder, file)}`;
  }
  const wanted = Object.keys({ ...DEPENDENCIES, ...DEV_DEPENDENCIES }).filter((n) =>
    n.startsWith('@typemcp/'),
  );
  const missing = wanted.filter((n) => !versions[n]);
  if (missing.length)
    throw new CliError(
      `--tarballs ${folder} lacks ${missing.join(', ')}: run npm pack for them there`,
    );
  return versions;
}

function npmInstall(cwd: string): Promise<void> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return new Promise((resolve, reject) => {
    const child = spawn(npm, ['install', '--no-audit', '--no-fund'], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      shell: process.platform === 'win32',
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', (error) =>
      reject(
        new CliError(
          `cannot run npm (${error.message}): install Node.js with npm, or pass --no-install`,
        ),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new CliError(
            `npm install failed in ${cwd} (exit ${code}): ${lastLine(stderr)}; fix it and run npm install there`,
          ),
        );
    });
  });
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .filter((l) => /ERR!|error/i.test(l))
      .slice(-1)[0]
      ?.trim() ?? "see npm's log"
  );
}
