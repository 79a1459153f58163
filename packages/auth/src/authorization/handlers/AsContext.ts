import type { AuthorizationServerOptions } from '../AuthorizationServerOptions';
import { ClientMetadataFetcher, isClientIdUrl } from '../cimd/ClientMetadataFetcher';
import { OAuthError } from '../OAuthError';
import type { OAuthClientRecord, OAuthServerProvider } from '../OAuthServerProvider';
import { secretMatches } from '../secrets';

const MAX_FORM_BYTES = 64 * 1024;

/** What every endpoint of the authorization server shares. */
export class AsContext {
  readonly provider: OAuthServerProvider;
  /** The issuer exactly as configured (compared without normalisation by clients, RFC 9207). */
  readonly issuer: string;
  /** The path prefix of the endpoints ('' for an issuer at the origin). */
  readonly basePath: string;
  readonly cimd?: ClientMetadataFetcher;

  constructor(readonly options: AuthorizationServerOptions) {
    this.provider = options.provider;
    this.issuer = String(options.issuer).replace(/\/$/, '');
    this.basePath = new URL(this.issuer).pathname.replace(/\/$/, '');
    if (options.clientIdMetadataDocuments !== false)
      this.cimd = options.clientIdMetadataDocuments ?? new ClientMetadataFetcher();
  }

  /** An endpoint's absolute URL. */
  url(path: string): string {
    return `${this.issuer}${path}`;
  }

  /** A registered client, or a metadata-document client; undefined when unknown. */
  async client(clientId: string): Promise<OAuthClientRecord | undefined> {
    if (this.cimd && isClientIdUrl(clientId)) return this.cimd.fetch(clientId);
    return this.provider.getClient(clientId);
  }

  /**
   * The client of a token or revocation request, authenticated by `client_secret_basic`,
   * `client_secret_post` or (public clients) `none`; `invalid_client` (401) otherwise.
   */
  async authenticateClient(request: Request, form: URLSearchParams): Promise<OAuthClientRecord> {
    let clientId = form.get('client_id') ?? undefined;
    let secret = form.get('client_secret') ?? undefined;
    const header = request.headers.get('authorization');
    if (header && /^basic /i.test(header)) {
      const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) throw new OAuthError('invalid_client', 'Malformed Basic credentials');
      try {
        clientId = decodeURIComponent(decoded.slice(0, colon));
        secret = decodeURIComponent(decoded.slice(colon + 1));
      } catch {
        throw new OAuthError('invalid_client', 'Malformed Basic credentials');
      }
    }
    if (!clientId)
      throw new OAuthError('invalid_client', 'Client authentication failed: no client_id');
    const client = await this.client(clientId);
    if (!client)
      throw new OAuthError('invalid_client', 'Client authentication failed: unknown client');
    if (client.client_secret_hash) {
      if (!secret || !secretMatches(secret, client.client_secret_hash))
        throw new OAuthError('invalid_client', 'Client authentication failed');
      const expires = client.client_secret_expires_at;
      if (expires && expires * 1000 < Date.now())
        throw new OAuthError('invalid_client', 'The client secret expired');
    } else if (secret) {
      throw new OAuthError(
        'invalid_client',
        'Client authentication failed: this client has no secret',
      );
    }
    return client;
  }

  /** The form of a POST (application/x-www-form-urlencoded, at most 64 KiB). */
  async form(request: Request): Promise<URLSearchParams> {
    const type = request.headers.get('content-type') ?? '';
    if (!/^application\/x-www-form-urlencoded\b/i.test(type))
      throw new OAuthError(
        'invalid_request',
        'Content-Type must be application/x-www-form-urlencoded',
      );
    const text = await readLimited(request, MAX_FORM_BYTES);
    return new URLSearchParams(text);
  }
}

/** A request body as text, refused past `limit` bytes. */
export async function readLimited(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit)
    throw new OAuthError('invalid_request', `The body is larger than ${limit} bytes`, 413);
  const buffer = await request.arrayBuffer();
  if (buffer.byteLength > limit)
    throw new OAuthError('invalid_request', `The body is larger than ${limit} bytes`, 413);
  return new TextDecoder().decode(buffer);
}

/** Space-separated scopes, without empties or duplicates. */
export function parseScopes(value: string | null | undefined): string[] {
  return [...new Set((value ?? '').split(' ').filter(Boolean))];
}
