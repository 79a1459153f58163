import type { AuthorizationServerMetadata, OAuthClientInformation } from '@typemcp/protocol';
import { discoverAuthorizationServer, discoverProtectedResource } from './discovery';
import type { OAuthClientProvider } from './OAuthClientProvider';
import { OAuthFlowError } from './OAuthFlowError';
import { createPkce, randomUrlSafe } from './pkce';
import { registerClient, requestTokens } from './tokenEndpoint';
import type { IssuedTokens } from './tokenEndpoint';
import { InMemoryTokenStore } from './TokenStore';
import type { TokenStore } from './TokenStore';
import type { BearerChallengeParams } from './wwwAuthenticate';

const PROTOCOL_VERSION = '2025-11-25';

/** Where tokens come from for one MCP server: discovered once, then reused. */
interface Discovered {
  issuer: string;
  metadata: AuthorizationServerMetadata;
  resource: string;
  scopesSupported?: string[];
}

/**
 * Runs OAuth for one MCP server on behalf of a transport: discovery from a challenge, scope
 * selection (the challenge's scope, else the resource's `scopes_supported`, else the provider's;
 * on step-up the union with what was granted), client identity (pre-registered, metadata
 * document, or dynamic registration), authorization code with PKCE and state and `iss` checks,
 * client_credentials, refresh, and the store keyed by issuer.
 *
 * @example
 * const handler = new OAuthHandler(new URL('https://mcp.example.com/mcp'), provider, fetch);
 * const header = await handler.authorization(); // 'Bearer …' or undefined
 */
export class OAuthHandler {
  private discovered?: Discovered;
  private readonly store: TokenStore;
  private granted: string[] = [];

  constructor(
    private readonly serverUrl: URL,
    private readonly provider: OAuthClientProvider,
    private readonly fetchImpl: typeof fetch,
  ) {
    this.store = provider.store ?? new InMemoryTokenStore();
  }

  /** The Authorization header for the next request, refreshing an expired token first. */
  async authorization(): Promise<string | undefined> {
    if (!this.discovered) return undefined;
    const stored = await this.store.get(this.discovered.issuer);
    let tokens = stored?.tokens;
    if (tokens?.expires_at !== undefined && tokens.expires_at <= Date.now() + 5000)
      tokens = await this.refresh().catch(() => undefined);
    return tokens ? `Bearer ${tokens.access_token}` : undefined;
  }

  /**
   * Gets a new token after a 401 (`insufficient_scope` false) or a 403 `insufficient_scope`
   * (true: step-up with the union of scopes, never a mere refresh).
   */
  async authorize(challenge: BearerChallengeParams | undefined, stepUp: boolean): Promise<void> {
    const discovered = await this.discover(challenge?.resourceMetadata);
    const scope = this.chooseScope(challenge?.scope, stepUp);
    if (!stepUp && (await this.refresh().catch(() => undefined))) return;
    if (this.provider.clientCredentials) {
      const tokens = await requestTokens(
        this.fetchImpl,
        discovered.metadata,
        this.provider.clientCredentials,
        {
          grant_type: 'client_credentials',
          scope,
          resource: discovered.resource,
        },
      );
      return this.save(tokens, scope);
    }
    await this.authorizationCode(discovered, scope);
  }

  private chooseScope(challenged: string | undefined, stepUp: boolean): string | undefined {
    const base =
      challenged?.split(' ').filter(Boolean) ??
      this.discovered?.scopesSupported ??
      this.provider.scope?.split(' ') ??
      [];
    const all = stepUp ? [...new Set([...this.granted, ...base])] : base;
    return all.length ? all.join(' ') : undefined;
  }

  private async discover(hint: string | undefined): Promise<Discovered> {
    if (this.discovered && !hint) return this.discovered;
    const prm = await discoverProtectedResource(
      this.fetchImpl,
      this.serverUrl,
      hint,
      PROTOCOL_VERSION,
    );
    const issuer = prm?.authorization_servers?.[0] ?? this.serverUrl.origin;
    const metadata = await discoverAuthorizationServer(
      this.fetchImpl,
      issuer,
      PROTOCOL_VERSION,
      !prm,
    );
    const methods = metadata.code_challenge_methods_supported;
    if (!this.provider.clientCredentials && methods && !methods.includes('S256'))
      throw new OAuthFlowError(`The authorization server ${issuer} does not support PKCE S256`);
    const resource = prm?.resource ?? this.serverUrl.href.replace(/#.*$/, '');
    this.discovered = { issuer, metadata, resource, scopesSupported: prm?.scopes_supported };
    return this.discovered;
  }

  private async client(discovered: Discovered): Promise<OAuthClientInformation> {
    const pre = this.provider.preRegistered?.(discovered.issuer);
    if (pre) return pre;
    const stored = await this.store.get(discovered.issuer);
    // a registration made for another redirect URI (a loopback port of an earlier run) is replaced
    const redirectUri =
      this.provider.redirectUri ?? this.provider.clientMetadata.redirect_uris?.[0];
    const usable =
      stored?.client &&
      (!redirectUri ||
        !stored.client.redirect_uris ||
        stored.client.redirect_uris.includes(redirectUri));
    if (stored?.client && usable) return stored.client;
    const url = this.provider.clientMetadataUrl;
    if (url && discovered.metadata.client_id_metadata_document_supported)
      return { client_id: url, token_endpoint_auth_method: 'none' };
    const client = await registerClient(
      this.fetchImpl,
      discovered.metadata,
      this.provider.clientMetadata,
    );
    await this.store.set(discovered.issuer, { ...stored, client });
    return client;
  }

  private async authorizationCode(
    discovered: Discovered,
    scope: string | undefined,
  ): Promise<void> {
    const redirect = this.provider.redirectToAuthorization;
    if (!redirect)
      throw new OAuthFlowError(
        'The server needs a user login: give the OAuthClientProvider redirectToAuthorization (or clientCredentials)',
      );
    const endpoint = discovered.metadata.authorization_endpoint;
    if (!endpoint)
      throw new OAuthFlowError(
        `The authorization server ${discovered.issuer} has no authorization endpoint`,
      );
    const client = await this.client(discovered);
    const redirectUri =
      this.provider.redirectUri ?? this.provider.clientMetadata.redirect_uris?.[0];
    if (!redirectUri)
      throw new OAuthFlowError('No redirect URI: set redirectUri or clientMetadata.redirect_uris');
    const { verifier, challenge } = await createPkce();
    const state = randomUrlSafe(16);
    const url = new URL(endpoint);
    const params: Record<string, string | undefined> = {
      response_type: 'code',
      client_id: client.client_id,
      redirect_uri: redirectUri,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state,
      scope,
      resource: discovered.resource,
    };
    for (const [key, value] of Object.entries(params))
      if (value !== undefined) url.searchParams.set(key, value);
    const back = new URL(String(await redirect(url)));
    // RFC 9207: the issuer is compared exactly before anything else in the response is believed
    const iss = back.searchParams.get('iss');
    if (
      iss !== null
        ? iss !== discovered.issuer
        : discovered.metadata.authorization_response_iss_parameter_supported === true
    ) {
      throw new OAuthFlowError(
        `The authorization response came from ${iss ?? 'an unnamed issuer'}, not ${discovered.issuer}`,
      );
    }
    if (back.searchParams.get('state') !== state)
      throw new OAuthFlowError(
        'The authorization response does not carry the state of the request',
      );
    const error = back.searchParams.get('error');
    if (error)
      throw new OAuthFlowError(
        `Authorization refused (${error}${back.searchParams.has('error_description') ? `: ${back.searchParams.get('error_description')}` : ''})`,
        error,
      );
    const code = back.searchParams.get('code');
    if (!code) throw new OAuthFlowError('The authorization response has no code');
    const tokens = await requestTokens(this.fetchImpl, discovered.metadata, client, {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: redirectUri,
      resource: discovered.resource,
    });
    await this.save(tokens, scope);
  }

  /** Redeems the stored refresh token (rotated by the server); undefined when there is none or it failed. */
  private async refresh(): Promise<IssuedTokens | undefined> {
    const discovered = this.discovered;
    if (!discovered) return undefined;
    const stored = await this.store.get(discovered.issuer);
    const refreshToken = stored?.tokens?.refresh_token;
    if (!refreshToken) return undefined;
    const client =
      this.provider.preRegistered?.(discovered.issuer) ??
      stored?.client ??
      (this.provider.clientMetadataUrl
        ? { client_id: this.provider.clientMetadataUrl }
        : undefined);
    if (!client) return undefined;
    try {
      const tokens = await requestTokens(this.fetchImpl, discovered.metadata, client, {
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        resource: discovered.resource,
      });
      tokens.refresh_token ??= refreshToken;
      await this.save(tokens, stored?.tokens?.scope);
      return tokens;
    } catch (error) {
      await this.store.set(discovered.issuer, { ...stored, tokens: undefined }); // a dead refresh token is dropped
      throw error;
    }
  }

  private async save(tokens: IssuedTokens, asked: string | undefined): Promise<void> {
    const discovered = this.discovered as Discovered;
    this.granted = (tokens.scope ?? asked ?? '').split(' ').filter(Boolean);
    const stored = await this.store.get(discovered.issuer);
    await this.store.set(discovered.issuer, { ...stored, tokens });
  }
}
