/**
 * A cancelled long task stops its work, observably, in both eras over HTTP: in 2026-07-28 the
 * client closes the request's stream; in a legacy session it sends notifications/cancelled.
 * SPEC.md 5.3.
 */
import 'reflect-metadata';
import { Client, StreamableHTTPClientTransport } from '@typemcp/client';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { Context, createServer, McpServer, Tool } from '@typemcp/server';

jest.setTimeout(30_000);

const steps: string[] = [];

@McpServer({ name: 'cancel', version: '1.0.0' })
class Worker {
  @Tool()
  async work(label: string, ctx: Context): Promise<string> {
    for (let i = 1; i <= 50; i++) {
      if (ctx.signal.aborted) {
        steps.push(`${label}: stopped at ${i}`);
        return 'stopped';
      }
      await ctx.reportProgress(i, 50);
      await new Promise((r) => setTimeout(r, 20));
    }
    steps.push(`${label}: finished`);
    return 'finished';
  }
}

let running: RunningHttpServer;
beforeAll(async () => {
  running = await serve(createServer({ providers: [Worker] }), { port: 0, handleSignals: false });
});
afterAll(() => running.close());

it.each(['modern', 'legacy'] as const)(
  '%s era: the tool sees the cancellation and stops',
  async (mode) => {
    const client = new Client({ name: 'c', version: '1' }, { mode });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${running.url}/mcp`)));
    expect(client.era).toBe(mode);
    const controller = new AbortController();
    const call = client.callTool(
      { name: 'work', arguments: { label: mode } },
      { signal: controller.signal, onprogress: () => undefined },
    );
    setTimeout(() => controller.abort('user cancelled'), 150);
    await expect(call).rejects.toThrow(/cancelled/i);
    for (let i = 0; i < 100 && !steps.some((s) => s.startsWith(mode)); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(steps.find((s) => s.startsWith(mode))).toMatch(
      new RegExp(`^${mode}: stopped at ([1-9]|1[0-9])$`),
    );
    await client.close();
  },
);
