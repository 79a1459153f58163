import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError } from '../errors/CliError';

/** How to start the MCP Inspector: a Node >= 22 and the Inspector's launcher script. */
export interface InspectorCommand {
  node: string;
  launcher: string;
  version: string;
}

const INSTALL = 'npm i -D @modelcontextprotocol/inspector node@22';

/** Finds a package folder in `node_modules` of `from` or any parent. */
function findPackage(name: string, from: string[]): string | undefined {
  for (const start of from) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', name);
      if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  return undefined;
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function major(version: string): number {
  return Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);
}

/**
 * The Inspector 2.x runs only on Node >= 22, while TypeMCP supports Node 20. This finds, in order:
 * `--inspector`/`--node` given; the project's `@modelcontextprotocol/inspector`; this Node when it
 * is 22 or later, else the `node` npm package's binary (`node@22` installed beside the Inspector).
 */
export function findInspector(options: {
  inspector?: string;
  node?: string;
  cwd: string;
}): InspectorCommand {
  const from = [options.cwd, __dirname];
  const dir = options.inspector
    ? path.resolve(options.inspector)
    : findPackage('@modelcontextprotocol/inspector', from);
  if (!dir || !fs.existsSync(path.join(dir, 'package.json'))) {
    throw new CliError(
      `the MCP Inspector is not installed: ${INSTALL} (the Inspector needs Node >= 22), or pass --inspector <its folder>`,
    );
  }
  const pkg = readJson(path.join(dir, 'package.json'));
  const bin = pkg.bin as Record<string, string> | string | undefined;
  const relative = typeof bin === 'string' ? bin : (bin?.['mcp-inspector'] ?? bin?.inspector);
  if (!relative) throw new CliError(`${dir} has no mcp-inspector bin: reinstall it (${INSTALL})`);
  const launcher = path.join(dir, relative);
  const version = String(pkg.version ?? '');
  if (major(version) < 2)
    throw new CliError(
      `the MCP Inspector ${version} is too old for typemcp dev: npm i -D @modelcontextprotocol/inspector@2`,
    );

  let node = options.node;
  if (node === undefined && major(process.version) >= 22) node = process.execPath;
  if (node === undefined) {
    const nodePackage = findPackage('node', [dir, ...from]);
    const binary = nodePackage
      ? path.join(nodePackage, 'bin', process.platform === 'win32' ? 'node.exe' : 'node')
      : undefined;
    if (binary && fs.existsSync(binary)) node = binary;
  }
  if (node === undefined) {
    throw new CliError(
      `the MCP Inspector needs Node >= 22 and this is Node ${process.version}: npm i -D node@22 (the npm package that ships a Node binary), or pass --node <path to node 22>`,
    );
  }
  return { node, launcher, version };
}
