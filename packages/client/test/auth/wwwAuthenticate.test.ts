import { parseBearerChallenge } from '../../src/auth/wwwAuthenticate';

describe('parseBearerChallenge', () => {
  it.each([
    [
      'Bearer resource_metadata="https://h/.well-known/oauth-protected-resource/mcp", scope="mcp admin"',
      {
        resourceMetadata: 'https://h/.well-known/oauth-protected-resource/mcp',
        scope: 'mcp admin',
      },
    ],
    [
      'Bearer error="insufficient_scope", scope="a b", error_description="needs \\"b\\""',
      { error: 'insufficient_scope', scope: 'a b', errorDescription: 'needs "b"' },
    ],
    ['Basic realm="x", Bearer error=invalid_token', { error: 'invalid_token' }],
    ['bearer scope="x"', { scope: 'x' }],
    ['Bearer', {}],
  ])('%s', (header, expected) => {
    expect(JSON.parse(JSON.stringify(parseBearerChallenge(header)))).toEqual(expected);
  });

  it('is undefined without a Bearer challenge', () => {
    expect(parseBearerChallenge(null)).toBeUndefined();
    expect(parseBearerChallenge('Basic realm="x"')).toBeUndefined();
  });
});
