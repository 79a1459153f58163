/**
 * `typemcp new` as a child process: the project it writes type-checks and passes its own test
 * (the server over stdio, driven by the TypeMCP client). Dependencies come from this repository
 * (`TYPEMCP_NODE_MODULES` may point at a packed install instead) because @typemcp/* are not on npm.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, tempDir, typemcp } from './support/typemcp';

jest.setTimeout(180_000);

function exec(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, timeout: 150_000 }, (error, stdout, stderr) => {
      resolve({
        code: error ? Number((error as { code?: unknown }).code ?? 1) : 0,
        output: `${stdout}${stderr}`,
      });
    });
  });
}

describe('typemcp new', () => {
  const parent = tempDir('typemcp-new-');

  it('scaffolds a project that type-checks and passes its own test', async () => {
    const created = await typemcp(['new', 'weather-tools', '--no-install', '--json'], {
      cwd: parent,
    });
    expect(created.code).toBe(0);
    const dir = path.join(parent, 'weather-tools');
    expect(JSON.parse(created.stdout)).toEqual({
      dir,
      name: 'weather-tools',
      files: [
        'package.json',
        'tsconfig.json',
        'src/server.ts',
        'test/server.test.ts',
        '.gitignore',
        'README.md',
      ],
      installed: false,
    });
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies).sort()).toEqual([
      '@typemcp/hono',
      '@typemcp/server',
      'class-transformer',
      'class-validator',
      'hono',
      'reflect-metadata',
      'typedi',
    ]);
    expect(fs.readFileSync(path.join(dir, 'src', 'server.ts'), 'utf8')).toContain(
      'export class WeatherToolsServer {',
    );

    fs.symlinkSync(
      process.env.TYPEMCP_NODE_MODULES ?? path.join(ROOT, 'node_modules'),
      path.join(dir, 'node_modules'),
      'junction',
    );
    const tested = await exec('npm', ['test'], dir);
    expect({ code: tested.code, output: tested.code === 0 ? '' : tested.output }).toEqual({
      code: 0,
      output: '',
    });
    expect(tested.output).toMatch(/# pass 3\n# fail 0/);
    const checked = await exec(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit'],
      dir,
    );
    expect(checked).toEqual({ code: 0, output: '' });
  });

  it('refuses a folder that is not empty, and a bad name', async () => {
    fs.mkdirSync(path.join(parent, 'busy'));
    fs.writeFileSync(path.join(parent, 'busy', 'keep.txt'), 'mine');
    const busy = await typemcp(['new', 'busy', '--no-install'], { cwd: parent });
    expect(busy).toMatchObject({
      code: 1,
      stderr: `typemcp error ${path.join(parent, 'busy')} is not empty: pick a new folder, or pass --force to write into it\n`,
    });
    expect(fs.readdirSync(path.join(parent, 'busy'))).toEqual(['keep.txt']);
    const named = await typemcp(['new', 'x', '--name', 'Bad Name', '--no-install'], {
      cwd: parent,
    });
    expect(named).toMatchObject({
      code: 2,
      stderr:
        'typemcp error --name Bad Name: give a valid npm package name (lowercase, no spaces)\n',
    });
    const tarballs = await typemcp(['new', 'y', '--no-install', '--tarballs', parent], {
      cwd: parent,
    });
    expect(tarballs.code).toBe(1);
    expect(tarballs.stderr).toContain(
      'lacks @typemcp/server, @typemcp/hono, @typemcp/cli, @typemcp/client, @typemcp/protocol: run npm pack for them there',
    );
  });
});
