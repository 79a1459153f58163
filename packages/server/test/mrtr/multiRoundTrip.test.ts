import 'reflect-metadata';
import { Context, createServer, McpServer, Tool } from '@typemcp/server';
import type { JSONRPCMessage } from '@typemcp/protocol';
import { InMemoryTransport } from '@typemcp/protocol';
import { connect } from '../support/connect';

const META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': { elicitation: {}, sampling: {} },
};
const NAME = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] };

@McpServer({ name: 'mrtr', version: '1.0.0' })
class Asker {
  runs = 0;

  @Tool()
  async twoQuestions(greeting: string, ctx: Context): Promise<string> {
    this.runs++;
    const name = await ctx.elicit('Name?', NAME);
    const colour = await ctx.elicit('Colour?', {
      type: 'object',
      properties: { colour: { type: 'string' } },
    });
    return `${greeting} ${String(name.content?.name)}, you like ${String(colour.content?.colour)}`;
  }

  @Tool()
  async sampleIt(ctx: Context): Promise<string> {
    const r = await ctx.sample('Hi?', { key: 'q' });
    return `model ${r.model}`;
  }
}

type Result = Record<string, unknown> & {
  inputRequests?: Record<string, { method: string; params: Record<string, unknown> }>;
  requestState?: string;
};

async function modernPeer(ttlMs?: number) {
  const app = createServer({
    providers: [Asker],
    requestState: ttlMs === undefined ? undefined : { ttlMs },
  });
  const peer = await connect(app.server);
  const call = async (
    name: string,
    args: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) => peer.request('tools/call', { name, arguments: args, ...extra, _meta: META });
  return { app, peer, call };
}

describe('multi round-trip requests (2026-07-28)', () => {
  it('asks with an InputRequiredResult, carries earlier answers in the signed state, completes on the last round', async () => {
    const { call } = await modernPeer();
    const r1 = (await call('twoQuestions', { greeting: 'Hi' })).result as Result;
    expect(r1.resultType).toBe('input_required');
    expect(r1.inputRequests).toEqual({
      'elicit-1': {
        method: 'elicitation/create',
        params: { message: 'Name?', requestedSchema: NAME },
      },
    });
    expect(typeof r1.requestState).toBe('string');
    expect(r1.ttlMs).toBeUndefined();

    const r2 = (
      await call(
        'twoQuestions',
        { greeting: 'Hi' },
        {
          inputResponses: { 'elicit-1': { action: 'accept', content: { name: 'Ada' } } },
          requestState: r1.requestState,
        },
      )
    ).result as Result;
    expect(r2.resultType).toBe('input_required');
    expect(Object.keys(r2.inputRequests ?? {})).toEqual(['elicit-2']);

    // only this round's answer is sent: the name travels inside the signed requestState
    const r3 = (
      await call(
        'twoQuestions',
        { greeting: 'Hi' },
        {
          inputResponses: { 'elicit-2': { action: 'accept', content: { colour: 'green' } } },
          requestState: r2.requestState,
        },
      )
    ).result as Result;
    expect(r3).toMatchObject({
      resultType: 'complete',
      content: [{ type: 'text', text: 'Hi Ada, you like green' }],
    });
  });

  it('asks again for a missing or malformed answer instead of failing', async () => {
    const { call } = await modernPeer();
    const r = (
      await call(
        'twoQuestions',
        { greeting: 'Hi' },
        { inputResponses: { 'elicit-1': 12345, other: { action: 'accept' } } },
      )
    ).result as Result;
    expect(r.resultType).toBe('input_required');
    expect(Object.keys(r.inputRequests ?? {})).toEqual(['elicit-1']);
  });

  it('rejects a tampered, replayed, misapplied or expired requestState with -32602', async () => {
    const { call } = await modernPeer();
    const r1 = (await call('twoQuestions', { greeting: 'Hi' })).result as Result;
    const answer = { 'elicit-1': { action: 'accept', content: { name: 'Ada' } } };
    const tampered = await call(
      'twoQuestions',
      { greeting: 'Hi' },
      { inputResponses: answer, requestState: `${r1.requestState}x` },
    );
    expect(tampered.error).toMatchObject({
      code: -32602,
      message: 'Invalid requestState: integrity check failed (tampered)',
    });
    const other = await call(
      'twoQuestions',
      { greeting: 'Hello' },
      { inputResponses: answer, requestState: r1.requestState },
    );
    expect(other.error?.message).toBe(
      'Invalid requestState: it belongs to another request (method, name or arguments differ)',
    );
    expect(
      (
        await call(
          'twoQuestions',
          { greeting: 'Hi' },
          { inputResponses: answer, requestState: r1.requestState },
        )
      ).result?.resultType,
    ).toBe('input_required');
    const replayed = await call(
      'twoQuestions',
      { greeting: 'Hi' },
      { inputResponses: answer, requestState: r1.requestState },
    );
    expect(replayed.error?.message).toBe('Invalid requestState: already used (replayed)');

    const short = await modernPeer(1);
    const s1 = (await short.call('twoQuestions', { greeting: 'Hi' })).result as Result;
    await new Promise((r) => setTimeout(r, 10));
    const expired = await short.call(
      'twoQuestions',
      { greeting: 'Hi' },
      { inputResponses: answer, requestState: s1.requestState },
    );
    expect(expired.error?.message).toBe('Invalid requestState: expired');
  });

  it('answers -32021 naming the capability when the client lacks it', async () => {
    const app = createServer({ providers: [Asker] });
    const peer = await connect(app.server);
    const res = await peer.request('tools/call', {
      name: 'sampleIt',
      arguments: {},
      _meta: { ...META, 'io.modelcontextprotocol/clientCapabilities': { elicitation: {} } },
    });
    expect(res.error).toMatchObject({
      code: -32021,
      data: { requiredCapabilities: { sampling: {} } },
    });
  });

  it('the same handler asks through server-to-client requests in a legacy session', async () => {
    const app = createServer({ providers: [Asker] });
    const [client, serverSide] = InMemoryTransport.createLinkedPair();
    const seen: JSONRPCMessage[] = [];
    client.onmessage = (m) => {
      seen.push(m);
      if ('method' in m && 'id' in m && m.method === 'elicitation/create') {
        const message = (m.params as { message: string }).message;
        const content = message === 'Name?' ? { name: 'Bo' } : { colour: 'red' };
        void client.send({ jsonrpc: '2.0', id: m.id, result: { action: 'accept', content } });
      }
    };
    await client.start();
    await app.server.connect(serverSide);
    await client.send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-11-25',
        capabilities: { elicitation: {} },
        clientInfo: { name: 'c', version: '1' },
      },
    });
    await client.send({
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { name: 'twoQuestions', arguments: { greeting: 'Yo' } },
    });
    for (let i = 0; i < 50 && !seen.some((m) => 'id' in m && m.id === 2 && 'result' in m); i++)
      await new Promise((r) => setTimeout(r, 5));
    const done = seen.find((m) => 'id' in m && m.id === 2 && 'result' in m) as unknown as {
      result: { content: Array<{ text: string }> };
    };
    expect(done.result.content[0].text).toBe('Yo Bo, you like red');
  });
});
