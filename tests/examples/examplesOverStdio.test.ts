/**
 * The official 1.x client lists and calls every example's tools over stdio (each example a real
 * child process run with ts-node, as users run it). The official client validates every
 * structuredContent against the advertised outputSchema itself.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import initSqlJs from 'sql.js';
import { tsNodeCommand } from '../support/spawnTs';

jest.setTimeout(60_000);

async function connect(file: string, env: Record<string, string> = {}): Promise<Client> {
  const { command, args } = tsNodeCommand(file);
  const client = new Client({ name: 'examples-test', version: '1.0.0' });
  await client.connect(
    new StdioClientTransport({
      command,
      args,
      env: { PATH: process.env.PATH ?? '', ...env },
      stderr: 'ignore',
    }),
  );
  return client;
}

const text = (r: unknown) =>
  ((r as { content: Array<{ type: string; text?: string }> }).content[0] ?? {}).text;

describe('examples over stdio, driven by the official client', () => {
  it('quickstart: add, greeting, prompt', async () => {
    const client = await connect('apps/quickstart/src/server.ts');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['add']);
    const sum = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
    expect(sum).toMatchObject({
      content: [{ type: 'text', text: '5' }],
      structuredContent: { result: 5 },
    });
    expect((await client.readResource({ uri: 'greeting://Ada' })).contents[0]).toMatchObject({
      text: 'Hello, Ada!',
    });
    const prompt = await client.getPrompt({ name: 'greetUser', arguments: { name: 'Bo' } });
    expect(prompt.messages[0].content).toEqual({
      type: 'text',
      text: 'Please write a friendly greeting for someone named Bo.',
    });
    await client.close();
  });

  it('echo', async () => {
    const client = await connect('apps/examples/src/echo.ts');
    expect(text(await client.callTool({ name: 'echo_tool', arguments: { message: 'hi' } }))).toBe(
      'Tool echo: hi',
    );
    expect((await client.readResource({ uri: 'echo://there' })).contents[0]).toMatchObject({
      text: 'Resource echo: there',
    });
    await client.close();
  });

  it('SQLite explorer: schema resource, queries, SQL errors as tool errors, read-only', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run(
      "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES ('ada'), ('grace');",
    );
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'typemcp-')), 'test.db');
    writeFileSync(file, Buffer.from(db.export()));
    const client = await connect('apps/examples/src/sqliteExplorer.ts', { SQLITE_DB: file });
    expect((await client.readResource({ uri: 'schema://main' })).contents[0]).toMatchObject({
      text: 'CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)',
    });
    expect(
      text(
        await client.callTool({
          name: 'query',
          arguments: { sql: 'SELECT id, name FROM users ORDER BY id' },
        }),
      ),
    ).toBe('id | name\n1 | ada\n2 | grace');
    const bad = await client.callTool({ name: 'query', arguments: { sql: 'SELEKT nonsense' } });
    expect(bad.isError).toBe(true);
    expect(text(bad)).toMatch(/syntax error/);
    await client.close();
  });

  it('lifespan: one service across calls', async () => {
    const client = await connect('apps/examples/src/lifespan.ts');
    expect(await client.callTool({ name: 'count', arguments: {} })).toMatchObject({
      structuredContent: { result: 1 },
    });
    expect(await client.callTool({ name: 'count', arguments: {} })).toMatchObject({
      structuredContent: { result: 2 },
    });
    expect(text(await client.callTool({ name: 'startedAt', arguments: {} }))).toMatch(
      /^\d{4}-\d{2}-\d{2}T/,
    );
    await client.close();
  });

  it('image tool: PNG content, DTO validation', async () => {
    const client = await connect('apps/examples/src/imageTool.ts');
    const swatch = await client.callTool({ name: 'swatch', arguments: { color: '#ff0000' } });
    const block = (swatch.content as Array<{ type: string; mimeType?: string; data?: string }>)[0];
    expect(block.type).toBe('image');
    expect(block.mimeType).toBe('image/png');
    expect(
      Buffer.from(block.data ?? '', 'base64')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const invalid = await client.callTool({ name: 'swatch', arguments: { color: 'red' } });
    expect(invalid.isError).toBe(true);
    expect(text(invalid)).toMatch(/color: color must be a hexadecimal color/);
    await client.close();
  });

  it('long task: progress and logs', async () => {
    const client = await connect('apps/examples/src/longTask.ts');
    const logs: string[] = [];
    client.setNotificationHandler(
      (await import('@modelcontextprotocol/sdk/types.js')).LoggingMessageNotificationSchema,
      (n) => {
        logs.push(String(n.params.data));
      },
    );
    await client.setLoggingLevel('info');
    const progress: number[] = [];
    const result = await client.callTool(
      { name: 'longTask', arguments: { files: ['a', 'b', 'c'], delayMs: 5 } },
      undefined,
      { onprogress: (p) => progress.push(p.progress) },
    );
    expect(text(result)).toBe('Processing complete');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(logs).toEqual(['Processing a', 'Processing b', 'Processing c']);
    await client.close();
  });
});
