import { InMemoryTransport } from '@typemcp/protocol';
import type { JSONRPCMessage } from '@typemcp/protocol';
import { Server } from '@typemcp/server';

const META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
};

it('subscriptions/listen: acknowledgement first, tagged notifications per filter, ends on cancellation', async () => {
  const server = new Server({ name: 'listen', version: '1.0.0' });
  server.setRequestHandler('tools/list', () => ({ tools: [] }));
  server.setRequestHandler('resources/read', () => ({ contents: [] }));
  server.setRequestHandler('resources/subscribe', () => ({}));
  const [client, serverSide] = InMemoryTransport.createLinkedPair();
  const seen: JSONRPCMessage[] = [];
  client.onmessage = (m) => seen.push(m);
  await client.start();
  await server.connect(serverSide);
  await client.send({
    jsonrpc: '2.0',
    id: 'sub-1',
    method: 'subscriptions/listen',
    params: {
      notifications: {
        toolsListChanged: true,
        promptsListChanged: true,
        resourceSubscriptions: ['file:///a'],
      },
      _meta: META,
    },
  });
  const tick = () => new Promise((r) => setTimeout(r, 5));
  await tick();
  server.sendToolListChanged();
  server.sendPromptListChanged(); // not offered by this server: filtered out
  server.sendResourceUpdated('file:///a');
  server.sendResourceUpdated('file:///b'); // not subscribed
  await tick();
  await client.send({
    jsonrpc: '2.0',
    method: 'notifications/cancelled',
    params: { requestId: 'sub-1' },
  });
  await tick();
  server.sendToolListChanged(); // after cancellation: nothing
  await tick();
  const tag = { 'io.modelcontextprotocol/subscriptionId': 'sub-1' };
  expect(seen).toEqual([
    {
      jsonrpc: '2.0',
      method: 'notifications/subscriptions/acknowledged',
      params: {
        notifications: { toolsListChanged: true, resourceSubscriptions: ['file:///a'] },
        _meta: tag,
      },
    },
    { jsonrpc: '2.0', method: 'notifications/tools/list_changed', params: { _meta: tag } },
    {
      jsonrpc: '2.0',
      method: 'notifications/resources/updated',
      params: { uri: 'file:///a', _meta: tag },
    },
  ]);
  expect(server.broadcastListeners.size).toBe(0);
});
