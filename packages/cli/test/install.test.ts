/**
 * `typemcp install` as a child process against a temporary HOME: the Claude Desktop file it writes
 * starts the server for the official SDK 1.x client, spawning exactly the command and args written.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { QUICKSTART, tempDir, tempProject, typemcp, typemcpBin } from './support/typemcp';

jest.setTimeout(120_000);

const ENV_SERVER = `import 'reflect-metadata';
import { McpServer, Tool } from '@typemcp/server';
@McpServer({ name: 'envy', version: '1.0.0' })
export class Envy {
  @Tool() greeting(): string { return \`\${process.env.GREETING} from \${process.env.WHO}\`; }
}
`;

function tempHome(): {
  HOME: string;
  XDG_CONFIG_HOME: string;
  APPDATA: string;
  USERPROFILE: string;
} {
  const home = tempDir('typemcp-home-');
  return { HOME: home, USERPROFILE: home, XDG_CONFIG_HOME: '', APPDATA: '' };
}

describe('typemcp install', () => {
  it('writes a Claude Desktop config the official client can start, keeping what was there', async () => {
    const cwd = tempProject({ 'server.ts': QUICKSTART, '.env': 'GREETING=hello\n' });
    const env = tempHome();
    const file = path.join(env.HOME, '.config', 'Claude', 'claude_desktop_config.json');
    const before = {
      globalShortcut: 'Ctrl+Space',
      mcpServers: { other: { command: 'other-server', args: ['--x'] } },
    };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(before));

    const done = await typemcp(
      ['install', 'server.ts', '--client', 'claude', '--env-file', '.env', '--env', 'WHO=me'],
      { cwd, env },
    );
    expect(done.code).toBe(0);
    expect(done.stderr).toContain(`added "Demo" in ${file} (backup: ${file}.bak)`);
    const written = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      mcpServers: Record<string, { command: string; args: string[]; env: Record<string, string> }>;
    };
    expect(written).toEqual({
      globalShortcut: 'Ctrl+Space',
      mcpServers: {
        other: before.mcpServers.other,
        Demo: {
          command: process.execPath,
          args: [typemcpBin(), 'run', path.join(cwd, 'server.ts')],
          env: { GREETING: 'hello', WHO: 'me' },
        },
      },
    });
    expect(JSON.parse(fs.readFileSync(`${file}.bak`, 'utf8'))).toEqual(before);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual([
      'claude_desktop_config.json',
      'claude_desktop_config.json.bak',
    ]);

    // Start it as Claude Desktop would: exactly the command, args and env written, from another folder.
    const entry = written.mcpServers.Demo!;
    const client = new Client({ name: 'claude-ish', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: entry.command,
        args: entry.args,
        env: entry.env,
        cwd: os.tmpdir(),
        stderr: 'pipe',
      }),
    );
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['add']);
    expect(await client.callTool({ name: 'add', arguments: { a: 40, b: 2 } })).toMatchObject({
      structuredContent: { result: 42 },
    });
    await client.close();
  });

  it('passes --env to the server it registers', async () => {
    const cwd = tempProject({ 'envy.ts': ENV_SERVER });
    const env = tempHome();
    const done = await typemcp(
      [
        'install',
        'envy.ts',
        '--client',
        'claude-code',
        '--env',
        'GREETING=hi',
        '--env',
        'WHO=typemcp',
        '--json',
      ],
      { cwd, env },
    );
    expect(done.code).toBe(0);
    const report = JSON.parse(done.stdout) as { file: string; status: string };
    expect(report).toMatchObject({ file: path.join(env.HOME, '.claude.json'), status: 'added' });
    const entry = (
      JSON.parse(fs.readFileSync(report.file, 'utf8')) as {
        mcpServers: Record<
          string,
          { type: string; command: string; args: string[]; env: Record<string, string> }
        >;
      }
    ).mcpServers.envy!;
    expect(entry.type).toBe('stdio');
    const client = new Client({ name: 'claude-code-ish', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: entry.command,
        args: entry.args,
        env: entry.env,
        stderr: 'pipe',
      }),
    );
    expect(await client.callTool({ name: 'greeting', arguments: {} })).toMatchObject({
      content: [{ type: 'text', text: 'hi from typemcp' }],
    });
    await client.close();
  });

  it('leaves an identical entry alone, refuses a different one without --force, replaces it with', async () => {
    const cwd = tempProject({ 'server.ts': QUICKSTART });
    const env = tempHome();
    expect((await typemcp(['install', 'server.ts', '--client', 'cursor'], { cwd, env })).code).toBe(
      0,
    );
    const again = await typemcp(['install', 'server.ts', '--client', 'cursor'], { cwd, env });
    expect(again).toMatchObject({ code: 0 });
    expect(again.stderr).toContain('is already in');
    const file = path.join(env.HOME, '.cursor', 'mcp.json');
    const different = await typemcp(
      ['install', 'server.ts', '--client', 'cursor', '--env', 'X=1'],
      { cwd, env },
    );
    expect(different.code).toBe(1);
    expect(different.stderr).toBe(
      `typemcp error a different server named "Demo" is already in ${file}: pass --force to replace it, or --name to pick another name\n`,
    );
    const forced = await typemcp(
      ['install', 'server.ts', '--client', 'cursor', '--env', 'X=1', '--force', '--json'],
      { cwd, env },
    );
    expect(JSON.parse(forced.stdout)).toMatchObject({
      status: 'replaced',
      entry: { env: { X: '1' } },
    });
  });

  it('prints the configuration with --dry-run and writes nothing', async () => {
    const cwd = tempProject();
    const env = tempHome();
    const dry = await typemcp(
      [
        'install',
        '--client',
        'vscode',
        '--http',
        'http://127.0.0.1:3000/mcp',
        '--name',
        'remote',
        '--dry-run',
      ],
      { cwd, env },
    );
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({
      file: path.join(env.HOME, '.config', 'Code', 'User', 'mcp.json'),
      name: 'remote',
      status: 'added',
      entry: { type: 'http', url: 'http://127.0.0.1:3000/mcp' },
      config: { servers: { remote: { type: 'http', url: 'http://127.0.0.1:3000/mcp' } } },
    });
    expect(fs.readdirSync(env.HOME)).toEqual([]);
  });

  it('refuses bad usage with exit code 2 and a broken file with 1', async () => {
    const cwd = tempProject({ 'server.ts': QUICKSTART });
    const env = tempHome();
    expect(
      await typemcp(['install', '--client', 'emacs', 'server.ts'], { cwd, env }),
    ).toMatchObject({ code: 2 });
    expect(await typemcp(['install', '--http', 'http://x/mcp'], { cwd, env })).toMatchObject({
      code: 2,
      stderr: 'typemcp error --http needs --name: the name the client shows for this server\n',
    });
    expect(
      await typemcp(['install', 'server.ts', '--env', 'NOEQUALS'], { cwd, env }),
    ).toMatchObject({ code: 2, stderr: 'typemcp error --env NOEQUALS: write KEY=VALUE\n' });
    expect(
      await typemcp(['install', 'server.ts', '--http', 'http://x/mcp', '--name', 'x'], {
        cwd,
        env,
      }),
    ).toMatchObject({
      code: 2,
      stderr: 'typemcp error give the server file or --http URL, not both\n',
    });
    expect(
      await typemcp(
        ['install', '--client', 'cursor', '--http', 'http://x/mcp', '--name', 'x', '--env', 'A=1'],
        { cwd, env },
      ),
    ).toMatchObject({ code: 2 });
    expect(
      await typemcp(['install', 'server.ts', '--scope', 'project'], { cwd, env }),
    ).toMatchObject({
      code: 2,
      stderr: 'typemcp error claude has no project-scope file: use --scope user\n',
    });
    fs.writeFileSync(path.join(cwd, 'broken.json'), '{ "servers": { // a comment\n } }');
    const broken = await typemcp(['install', 'server.ts', '--config', 'broken.json'], { cwd, env });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(
      /^typemcp error broken\.json is not valid JSON \(.*\): fix it by hand \(comments are not kept\), or write another file with --config\n$/,
    );
  });
});
