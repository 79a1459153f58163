import 'reflect-metadata';
import { Context, createServer, McpServer, Tool } from '@typemcp/server';
import { connect } from '../support/connect';

const TASKS = { 'io.modelcontextprotocol/tasks': {} };
const meta = (extensions?: object) => ({
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': extensions
    ? { elicitation: {}, extensions }
    : { elicitation: {} },
});

@McpServer({ name: 'tasks', version: '1.0.0' })
class Jobs {
  @Tool({ task: 'optional' })
  async compute(x: number): Promise<number> {
    await new Promise((r) => setTimeout(r, 20));
    return x * 2;
  }

  @Tool({ task: 'required' })
  async approve(ctx: Context): Promise<string> {
    const a = await ctx.elicit(
      'Approve?',
      { type: 'object', properties: { ok: { type: 'boolean' } } },
      { key: 'approval' },
    );
    return a.content?.ok ? 'approved' : 'rejected';
  }
}

type Res = { result?: Record<string, unknown>; error?: { code: number; message: string } };

async function until(check: () => Promise<Record<string, unknown> | undefined>, status: string) {
  for (let i = 0; i < 100; i++) {
    const r = await check();
    if (r?.status === status) return r;
    await new Promise((res) => setTimeout(res, 10));
  }
  throw new Error(`never reached ${status}`);
}

describe('tasks extension', () => {
  it('runs a task-supporting tool as a task for clients that declare the extension, synchronously otherwise', async () => {
    const app = createServer({ providers: [Jobs] });
    const peer = await connect(app.server);
    const discover = (await peer.request('server/discover', { _meta: meta() })) as Res;
    expect(discover.result?.capabilities).toMatchObject({ extensions: TASKS });

    const sync = (await peer.request('tools/call', {
      name: 'compute',
      arguments: { x: 2 },
      _meta: meta(),
    })) as Res;
    expect(sync.result).toMatchObject({
      resultType: 'complete',
      content: [{ type: 'text', text: '4' }],
    });

    const created = (
      (await peer.request('tools/call', {
        name: 'compute',
        arguments: { x: 21 },
        _meta: meta(TASKS),
      })) as Res
    ).result as Record<string, unknown>;
    expect(created).toMatchObject({
      resultType: 'task',
      status: 'working',
      ttlMs: 600000,
      pollIntervalMs: 250,
    });
    const get = async () =>
      ((await peer.request('tasks/get', { taskId: created.taskId, _meta: meta(TASKS) })) as Res)
        .result;
    const done = await until(get, 'completed');
    expect(done.result).toMatchObject({ content: [{ type: 'text', text: '42' }] });
    expect(
      ((await peer.request('tasks/cancel', { taskId: created.taskId, _meta: meta(TASKS) })) as Res)
        .result,
    ).toMatchObject({ resultType: 'complete' });
  });

  it('parks a task in input_required until tasks/update answers, then completes; gates tasks/* on the extension', async () => {
    const app = createServer({ providers: [Jobs] });
    const peer = await connect(app.server);
    const refused = (await peer.request('tools/call', {
      name: 'approve',
      arguments: {},
      _meta: meta(),
    })) as Res;
    expect(refused.error?.code).toBe(-32021);
    const created = (
      (await peer.request('tools/call', {
        name: 'approve',
        arguments: {},
        _meta: meta(TASKS),
      })) as Res
    ).result as Record<string, unknown>;
    const get = async () =>
      ((await peer.request('tasks/get', { taskId: created.taskId, _meta: meta(TASKS) })) as Res)
        .result;
    const waiting = await until(get, 'input_required');
    expect(Object.keys(waiting.inputRequests as object)).toEqual(['approval']);
    expect(
      ((await peer.request('tasks/get', { taskId: created.taskId, _meta: meta() })) as Res).error
        ?.code,
    ).toBe(-32021);
    await peer.request('tasks/update', {
      taskId: created.taskId,
      inputResponses: { approval: { action: 'accept', content: { ok: true } } },
      _meta: meta(TASKS),
    });
    const done = await until(get, 'completed');
    expect(done.result).toMatchObject({ content: [{ type: 'text', text: 'approved' }] });
    expect(
      ((await peer.request('tasks/get', { taskId: 'nope', _meta: meta(TASKS) })) as Res).error
        ?.code,
    ).toBe(-32602);
  });
});
