import { decodeMessage } from '@typemcp/protocol';

describe('decodeMessage', () => {
  it.each([
    ['not json', '{oops', { code: -32700 }, undefined],
    ['a JSON number', '42', { code: -32600 }, undefined],
    ['null', 'null', { code: -32600 }, undefined],
    ['a batch', '[{"jsonrpc":"2.0","id":1,"method":"ping"}]', { code: -32600 }, undefined],
    ['wrong jsonrpc', '{"jsonrpc":"1.0","id":3,"method":"ping"}', { code: -32600 }, 3],
    ['missing jsonrpc', '{"id":"a","method":"ping"}', { code: -32600 }, 'a'],
    ['null id', '{"jsonrpc":"2.0","id":null,"method":"ping"}', { code: -32600 }, undefined],
    ['fractional id', '{"jsonrpc":"2.0","id":1.5,"method":"ping"}', { code: -32600 }, undefined],
    ['method not a string', '{"jsonrpc":"2.0","id":2,"method":5}', { code: -32600 }, 2],
    ['params an array', '{"jsonrpc":"2.0","id":2,"method":"x","params":[1]}', { code: -32600 }, 2],
    ['neither request nor response', '{"jsonrpc":"2.0","id":9}', { code: -32600 }, 9],
  ])('rejects %s', (_name, text, error, id) => {
    const result = decodeMessage(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.response.error).toMatchObject(error);
    expect(result.response.id).toBe(id);
    expect(result.response.jsonrpc).toBe('2.0');
  });

  it.each([
    ['a request', '{"jsonrpc":"2.0","id":1,"method":"ping"}'],
    ['a string-id request', '{"jsonrpc":"2.0","id":"x","method":"tools/list","params":{}}'],
    ['a notification', '{"jsonrpc":"2.0","method":"notifications/initialized"}'],
    ['a result', '{"jsonrpc":"2.0","id":1,"result":{}}'],
    ['an error without id', '{"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error"}}'],
  ])('accepts %s', (_name, text) => {
    const result = decodeMessage(text);
    expect(result.ok).toBe(true);
  });
});
