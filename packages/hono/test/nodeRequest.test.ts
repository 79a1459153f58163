/**
 * Reading request headers from Node's raw list (under @hono/node-server) answers what
 * `Headers.get` answers: any case of the name, repeated headers joined with ", ".
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { headerOf, headerRecordOf, rememberNodeExchange } from '../src/nodeRequest';

function nodeRequest(rawHeaders: string[]): Request {
  const request = new Request('http://127.0.0.1/mcp', { method: 'POST' });
  const incoming = { rawHeaders, on: () => undefined } as unknown as IncomingMessage;
  rememberNodeExchange(request, { incoming, outgoing: {} as ServerResponse });
  return request;
}

it('reads a header by name in any case, joining repeats like Headers.get', () => {
  const request = nodeRequest([
    'Host',
    '127.0.0.1',
    'Mcp-Param-Region',
    'eu',
    'Accept',
    'application/json',
    'accept',
    'text/event-stream',
  ]);
  expect(headerOf(request, 'mcp-param-region')).toBe('eu');
  expect(headerOf(request, 'Mcp-Param-Region')).toBe('eu');
  expect(headerOf(request, 'accept')).toBe('application/json, text/event-stream');
  expect(headerOf(request, 'origin')).toBeNull();
  expect(headerRecordOf(request)).toEqual({
    host: '127.0.0.1',
    'mcp-param-region': 'eu',
    accept: 'application/json, text/event-stream',
  });
});

it('falls back to the Request when no Node exchange stands behind it', () => {
  const request = new Request('http://127.0.0.1/mcp', { headers: { 'Mcp-Session-Id': 'abc' } });
  expect(headerOf(request, 'Mcp-Session-Id')).toBe('abc');
  expect(headerRecordOf(request)).toEqual({ 'mcp-session-id': 'abc' });
});
