import { InvalidTokenError } from '@typemcp/auth';
import type { OAuthServerProvider } from '@typemcp/auth';

/** How a contract run makes (and, for persistent providers, reopens) the provider under test. */
export interface ProviderFactory {
  open(): Promise<OAuthServerProvider>;
  /** Opens the same store again (a restart); absent for providers that keep nothing. */
  reopen?(): Promise<OAuthServerProvider>;
}

const GRANT = {
  clientId: 'c1',
  subject: 'alice',
  scopes: ['mcp', 'admin'],
  resource: 'https://mcp.example/mcp',
  refresh: true,
};

/** The rules every OAuthServerProvider keeps, run by each implementation. */
export function providerContract(name: string, factory: ProviderFactory): void {
  describe(`OAuthServerProvider contract: ${name}`, () => {
    let provider: OAuthServerProvider;
    beforeEach(async () => (provider = await factory.open()));

    it('issues tokens that verify as the grant', async () => {
      const tokens = await provider.issueTokens(GRANT);
      expect(tokens).toMatchObject({
        token_type: 'Bearer',
        scope: 'mcp admin',
        refresh_token: expect.any(String),
      });
      expect(await provider.verify(tokens.access_token)).toMatchObject({
        subject: 'alice',
        clientId: 'c1',
        scopes: ['mcp', 'admin'],
        resource: GRANT.resource,
      });
      await expect(provider.verify('nonsense')).rejects.toBeInstanceOf(InvalidTokenError);
    });

    it('redeems a code once', async () => {
      const record = {
        code: 'code-1',
        clientId: 'c1',
        subject: 'alice',
        scopes: ['mcp'],
        redirectUri: 'http://127.0.0.1/cb',
        codeChallenge: 'x'.repeat(43),
        expiresAt: Date.now() + 60_000,
      };
      await provider.saveCode(record);
      expect(await provider.takeCode('code-1')).toEqual(record);
      expect(await provider.takeCode('code-1')).toBeUndefined();
      await provider.saveCode({ ...record, code: 'code-2', expiresAt: Date.now() - 1 });
      expect(await provider.takeCode('code-2')).toBeUndefined();
    });

    it('rotates refresh tokens; a rotated one used again revokes the whole grant', async () => {
      const first = await provider.issueTokens(GRANT);
      expect(
        await provider.refresh(first.refresh_token as string, 'other-client', undefined, undefined),
      ).toBeUndefined();
      expect(
        await provider.refresh(first.refresh_token as string, 'c1', ['mcp', 'root'], undefined),
      ).toBeUndefined(); // widening
      const second = (await provider.refresh(
        first.refresh_token as string,
        'c1',
        ['mcp'],
        undefined,
      )) as { access_token: string; refresh_token: string; scope: string };
      expect(second.scope).toBe('mcp');
      expect(await provider.verify(second.access_token)).toMatchObject({ scopes: ['mcp'] });
      expect(
        await provider.refresh(first.refresh_token as string, 'c1', undefined, undefined),
      ).toBeUndefined(); // replay
      await expect(provider.verify(second.access_token)).rejects.toBeInstanceOf(InvalidTokenError);
      expect(
        await provider.refresh(second.refresh_token, 'c1', undefined, undefined),
      ).toBeUndefined();
    });

    it("revokes its own client's tokens only", async () => {
      const tokens = await provider.issueTokens(GRANT);
      await provider.revoke?.(tokens.access_token, 'someone-else');
      expect(await provider.verify(tokens.access_token)).toMatchObject({ subject: 'alice' });
      await provider.revoke?.(tokens.access_token, 'c1');
      await expect(provider.verify(tokens.access_token)).rejects.toBeInstanceOf(InvalidTokenError);
    });

    if (factory.reopen) {
      const reopen = factory.reopen;
      it('keeps clients and tokens across a restart', async () => {
        await provider.registerClient?.({
          client_id: 'persisted',
          redirect_uris: ['http://127.0.0.1/cb'],
        });
        const tokens = await provider.issueTokens(GRANT);
        const again = await reopen();
        expect(await again.getClient('persisted')).toMatchObject({
          redirect_uris: ['http://127.0.0.1/cb'],
        });
        expect(await again.verify(tokens.access_token)).toMatchObject({ subject: 'alice' });
        expect(
          await again.refresh(tokens.refresh_token as string, 'c1', undefined, undefined),
        ).toMatchObject({ access_token: expect.any(String) });
      });
    }
  });
}
