import 'reflect-metadata';
import { InMemoryTransport } from '@typemcp/protocol';
import type { Tool as ToolDef } from '@typemcp/protocol';
import { Client } from '@typemcp/client';
import { createServer, McpServer, Tool } from '@typemcp/server';

@McpServer({ name: 'lists', version: '1.0.0' })
class Lists {
  @Tool() one(): string {
    return '1';
  }
}

it.each(['modern', 'legacy'] as const)(
  '%s era: listChanged re-fetches the tool list when the server changes it',
  async (mode) => {
    const app = createServer({ providers: [Lists] });
    const seen: string[][] = [];
    const client = new Client(
      { name: 'c', version: '1' },
      { mode, listChanged: { tools: (tools: ToolDef[]) => seen.push(tools.map((t) => t.name)) } },
    );
    const [a, b] = InMemoryTransport.createLinkedPair();
    await app.server.connect(b);
    await client.connect(a);
    expect(client.era).toBe(mode);
    await new Promise((r) => setTimeout(r, 20)); // the modern listen stream is acknowledged
    app.addTool({ name: 'two', handler: () => ({ content: [] }) });
    for (let i = 0; i < 50 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([['one', 'two']]);
    await client.close();
  },
);
