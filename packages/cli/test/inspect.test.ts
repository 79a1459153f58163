/**
 * `typemcp inspect` as a child process: lists and calls a TypeMCP server over stdio (both eras)
 * and over Streamable HTTP, and a server written with the official SDK 1.x; JSON when piped.
 */
import * as path from 'node:path';
import {
  QUICKSTART,
  ROOT,
  startTypemcp,
  tempProject,
  typemcp,
  typemcpBin,
  waitForOutput,
} from './support/typemcp';

jest.setTimeout(120_000);

describe('typemcp inspect', () => {
  const cwd = tempProject({ 'server.ts': QUICKSTART });
  const stdioServer = ['--', process.execPath, typemcpBin(), 'run', 'server.ts'];

  it('lists what a stdio server offers, as JSON when stdout is not a terminal', async () => {
    const listed = await typemcp(['inspect', ...stdioServer], { cwd });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({
      server: { name: 'Demo', version: '1.0.0' },
      transport: 'stdio',
      tools: [
        { name: 'add', description: 'Add two numbers', inputSchema: { required: ['a', 'b'] } },
      ],
      resources: [],
      resourceTemplates: [{ uriTemplate: 'greeting://{name}', name: 'greeting' }],
      prompts: [
        { name: 'greetUser', arguments: [{ name: 'name', required: true }, { name: 'style' }] },
      ],
    });
  });

  it('calls a tool, reads a resource and gets a prompt, in either era', async () => {
    for (const era of ['legacy', 'modern']) {
      const called = await typemcp(
        ['inspect', '--era', era, '--call', 'add', '--arg', 'a=2', '--arg', 'b=40', ...stdioServer],
        { cwd },
      );
      expect({ era, code: called.code }).toEqual({ era, code: 0 });
      expect(JSON.parse(called.stdout)).toMatchObject({
        content: [{ type: 'text', text: '42' }],
        structuredContent: { result: 42 },
      });
    }
    const read = await typemcp(['inspect', '--read', 'greeting://Ada', ...stdioServer], { cwd });
    expect(JSON.parse(read.stdout)).toMatchObject({
      contents: [{ uri: 'greeting://Ada', text: 'Hello, Ada!' }],
    });
    const prompt = await typemcp(
      [
        'inspect',
        '--prompt',
        'greetUser',
        '--arg',
        'name=Ada',
        '--arg',
        'style=formal',
        ...stdioServer,
      ],
      { cwd },
    );
    expect(JSON.parse(prompt.stdout)).toMatchObject({
      messages: [
        {
          role: 'user',
          content: { type: 'text', text: 'Please write a formal greeting for someone named Ada.' },
        },
      ],
    });
  });

  it('starts a server file itself (typemcp run)', async () => {
    const called = await typemcp(
      ['inspect', 'server.ts', '--call', 'add', '--arg', 'a=5', '--arg', 'b=5'],
      { cwd },
    );
    expect(JSON.parse(called.stdout)).toMatchObject({ structuredContent: { result: 10 } });
  });

  it('reports a tool error with exit code 1, and an unknown tool by name', async () => {
    const bad = await typemcp(
      ['inspect', '--call', 'add', '--arg', 'a=1', '--arg', 'b=two', ...stdioServer],
      { cwd },
    );
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ isError: true });
    const unknown = await typemcp(['inspect', '--call', 'sub', ...stdioServer], { cwd });
    expect(unknown).toMatchObject({
      code: 1,
      stderr: 'typemcp error no tool named sub: the server has add\n',
    });
  });

  it('inspects a Streamable HTTP URL', async () => {
    const child = startTypemcp(['run', 'server.ts', '--port', '0'], { cwd });
    try {
      const [, url] = await waitForOutput(child.stderr, /serving MCP at (http:\/\/[^/\s]+)\/mcp/);
      const listed = await typemcp(['inspect', `${url}/mcp`, '--json'], { cwd });
      expect(JSON.parse(listed.stdout)).toMatchObject({
        transport: 'streamable-http',
        tools: [{ name: 'add' }],
      });
      const called = await typemcp(
        [
          'inspect',
          `${url}/mcp`,
          '--era',
          'modern',
          '--call',
          'add',
          '--arg',
          'a=1',
          '--arg',
          'b=1',
        ],
        { cwd },
      );
      expect(JSON.parse(called.stdout)).toMatchObject({ structuredContent: { result: 2 } });
    } finally {
      child.kill();
    }
  });

  it('inspects a server written with the official SDK 1.x', async () => {
    const official = [
      '--',
      process.execPath,
      path.join(ROOT, 'tests', 'fixtures', 'officialServer.cjs'),
      'v1',
    ];
    const listed = await typemcp(['inspect', ...official], { cwd: ROOT });
    expect(JSON.parse(listed.stdout)).toMatchObject({
      era: 'legacy',
      tools: expect.arrayContaining([expect.objectContaining({ name: 'add' })]),
    });
    const called = await typemcp(
      ['inspect', '--call', 'add', '--arg', 'a=3', '--arg', 'b=4', ...official],
      { cwd: ROOT },
    );
    expect(JSON.parse(called.stdout)).toEqual({ content: [{ type: 'text', text: '7' }] });
  });

  it('says on one line why it cannot connect, and refuses bad usage with 2', async () => {
    const gone = await typemcp(['inspect', '--', process.execPath, '-e', 'process.exit(3)'], {
      cwd,
    });
    expect(gone.code).toBe(1);
    expect(gone.stderr.trim().split('\n')).toHaveLength(1);
    expect(gone.stderr).toMatch(
      /^typemcp error cannot connect to .* \(.*\): check that the command starts an MCP server on stdio \(--verbose shows its stderr\)\n$/,
    );
    expect(
      await typemcp(['inspect', '--call', 'a', '--read', 'b', 'http://127.0.0.1:1/mcp'], { cwd }),
    ).toMatchObject({ code: 2, stderr: 'typemcp error give one of --call, --read and --prompt\n' });
    expect(
      await typemcp(['inspect', '--era', 'future', 'http://127.0.0.1:1/mcp'], { cwd }),
    ).toMatchObject({ code: 2 });
  });
});
