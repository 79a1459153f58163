import { UriTemplate } from '@typemcp/server';

describe('UriTemplate (RFC 6570 subset)', () => {
  it.each<[string, string, Record<string, string> | undefined]>([
    ['greeting://{name}', 'greeting://Ada', { name: 'Ada' }],
    ['greeting://{name}', 'greeting://Ada%20Lovelace', { name: 'Ada Lovelace' }],
    ['greeting://{name}', 'greeting://a/b', undefined],
    ['greeting://{name}', 'greeting://', undefined],
    ['greeting://{name}', 'xgreeting://Ada', undefined],
    ['greeting://{name}', 'greeting://Ada/', undefined],
    ['users://{id}/posts/{post}', 'users://7/posts/42', { id: '7', post: '42' }],
    ['files://{+path}', 'files://a/b/c.txt', { path: 'a/b/c.txt' }],
    ['files://{+path}', 'files://a/../secret', undefined],
    ['files://{+path}', 'files://a/%2e%2e/secret', undefined],
    ['files://{+path}', 'files://a/%2E%2E%2Fsecret', undefined],
    ['files://{+path}', 'files://..', undefined],
    ['files://{+path}', 'files://a/..b/c', { path: 'a/..b/c' }],
    ['files://{+path}', 'files://a%00b', undefined],
    ['repo://x{/path}', 'repo://x/readme', { path: 'readme' }],
    ['repo://x{/path}', 'repo://x/..', undefined],
    ['repo://x{/a,b}', 'repo://x/one/two', { a: 'one', b: 'two' }],
    ['search://items{?q,limit}', 'search://items', {}],
    ['search://items{?q,limit}', 'search://items?q=cats', { q: 'cats' }],
    [
      'search://items{?q,limit}',
      'search://items?limit=3&q=big+cats',
      { q: 'big cats', limit: '3' },
    ],
    ['search://items{?q,limit}', 'search://items?other=1', undefined],
    ['search://items{?q,limit}', 'search://items?q=..%2Fetc', undefined],
    ['search://items{?q}{&page}', 'search://items?q=a&page=2', { q: 'a', page: '2' }],
    ['weird://{x}', 'weird://%E0%A4%A', undefined],
  ])('%s matches %s', (template, uri, expected) => {
    expect(new UriTemplate(template).match(uri)).toEqual(expected);
  });

  it('lists its variables and knows a fixed URI', () => {
    expect(new UriTemplate('a://{x}/{+y}{/z}{?q,r}').variables).toEqual(['x', 'y', 'z', 'q', 'r']);
    expect(new UriTemplate('a://fixed').isFixed).toBe(true);
    expect(new UriTemplate('a://{x}').isFixed).toBe(false);
  });

  it('expands what it matches', () => {
    const t = new UriTemplate('users://{id}/files{/name}{?q,limit}');
    const uri = t.expand({ id: 'a b', name: 'x.txt', q: 'c&d' });
    expect(uri).toBe('users://a%20b/files/x.txt?q=c%26d');
    expect(t.match(uri)).toEqual({ id: 'a b', name: 'x.txt', q: 'c&d' });
  });
});
