import { InvalidTokenError, JwtVerifier } from '@typemcp/auth';
import { ISSUER, jwtKit } from './support/jwt';

const AUDIENCE = 'https://mcp.example.com/mcp';

describe('JwtVerifier', () => {
  let kit: Awaited<ReturnType<typeof jwtKit>>;
  beforeAll(async () => (kit = await jwtKit(() => AUDIENCE)));

  it('turns claims into the caller: sub, client_id/azp, scope/scp, exp, claims', async () => {
    const verifier = new JwtVerifier({ issuer: ISSUER, audience: AUDIENCE, key: kit.publicKey });
    const auth = await verifier.verify(
      await kit.sign({ client_id: undefined, azp: 'spa', scope: undefined, scp: ['mcp', 'read'] }),
    );
    expect(auth).toMatchObject({
      subject: 'alice',
      clientId: 'spa',
      scopes: ['mcp', 'read'],
      claims: { iss: ISSUER, aud: AUDIENCE },
    });
    expect(auth.expiresAt).toBeGreaterThan(Date.now() / 1000);
  });

  it('accepts expiry within the clock skew, refuses it past', async () => {
    const verifier = new JwtVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      key: kit.publicKey,
      clockToleranceSeconds: 30,
    });
    const now = Math.floor(Date.now() / 1000);
    await expect(verifier.verify(await kit.sign({ exp: now - 10 }))).resolves.toMatchObject({
      subject: 'alice',
    });
    await expect(verifier.verify(await kit.sign({ exp: now - 60 }))).rejects.toThrow(
      new InvalidTokenError('The token expired'),
    );
  });

  it('requires exp, and the typ when asked (RFC 9068 at+jwt)', async () => {
    const verifier = new JwtVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      key: kit.publicKey,
      typ: 'at+jwt',
    });
    await expect(verifier.verify(await kit.sign())).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('refuses a configuration that would accept only alg none, or has no key', () => {
    expect(
      () =>
        new JwtVerifier({
          issuer: ISSUER,
          audience: AUDIENCE,
          key: kit.publicKey,
          algorithms: ['none'],
        }),
    ).toThrow('at least one signature algorithm');
    expect(() => new JwtVerifier({ issuer: ISSUER, audience: AUDIENCE })).toThrow('jwksUri');
  });
});
