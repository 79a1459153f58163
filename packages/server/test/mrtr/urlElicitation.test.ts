import 'reflect-metadata';
import { Context, createServer, McpServer, Tool } from '@typemcp/server';
import { connect } from '../support/connect';

@McpServer({ name: 'url', version: '1.0.0' })
class Gate {
  authorized = false;

  @Tool()
  secret(ctx: Context): string {
    if (!this.authorized)
      ctx.requireUrlElicitation('Sign in first', 'https://example.com/login', 'login-1');
    return 'the secret';
  }
}

it('legacy: -32042 lists the URL elicitation, then notifications/elicitation/complete lets the client retry', async () => {
  const app = createServer({ providers: [Gate] });
  const peer = await connect(app.server);
  await peer.request('initialize', {
    protocolVersion: '2025-11-25',
    capabilities: { elicitation: { url: {} } },
    clientInfo: { name: 'c', version: '1' },
  });
  const first = await peer.request('tools/call', { name: 'secret', arguments: {} });
  expect(first.error).toEqual({
    code: -32042,
    message: 'Sign in first',
    data: {
      elicitations: [
        {
          mode: 'url',
          message: 'Sign in first',
          url: 'https://example.com/login',
          elicitationId: 'login-1',
        },
      ],
    },
  });
  app.completeUrlElicitation('login-1');
  await new Promise((r) => setTimeout(r, 5));
  expect(
    peer
      .notifications('notifications/elicitation/complete')
      .map((m) => (m as { params: unknown }).params),
  ).toEqual([{ elicitationId: 'login-1' }]);
});

it('modern: the same need is an input request; without URL elicitation support it is -32021', async () => {
  const app = createServer({ providers: [Gate] });
  const peer = await connect(app.server);
  const meta = (caps: object) => ({
    'io.modelcontextprotocol/protocolVersion': '2026-07-28',
    'io.modelcontextprotocol/clientCapabilities': caps,
  });
  const asked = await peer.request('tools/call', {
    name: 'secret',
    arguments: {},
    _meta: meta({ elicitation: { url: {} } }),
  });
  expect(asked.result).toMatchObject({
    resultType: 'input_required',
    inputRequests: {
      'login-1': {
        method: 'elicitation/create',
        params: { mode: 'url', message: 'Sign in first', url: 'https://example.com/login' },
      },
    },
  });
  const refused = await peer.request('tools/call', {
    name: 'secret',
    arguments: {},
    _meta: meta({ elicitation: {} }),
  });
  expect(refused.error).toMatchObject({
    code: -32021,
    data: { requiredCapabilities: { elicitation: { url: {} } } },
  });
});
