import { BoundedCache } from '../../resource/BoundedCache';
import { OAuthError } from '../OAuthError';
import type { OAuthClientRecord } from '../OAuthServerProvider';
import { isPublicAddress } from './isPublicAddress';
import { safeGet } from './safeGet';

/**
 * Options of {@link ClientMetadataFetcher}.
 *
 * @example
 * authorizationServer({ provider, issuer, clientIdMetadataDocuments: new ClientMetadataFetcher({ timeoutMs: 2000, maxBytes: 8192 }) });
 */
export interface ClientMetadataFetcherOptions {
  /** How long a fetch may take (default 5 s). */
  timeoutMs?: number;
  /** Largest document in bytes (default 16 KiB). */
  maxBytes?: number;
  /** How long a document is reused (default 10 min). */
  cacheTtlMs?: number;
  /** Most documents cached (default 1000). */
  cacheMaxEntries?: number;
  /** Which resolved addresses may be contacted (default: public internet addresses only). */
  allowAddress?: (address: string) => boolean;
  /** Loads a document (default: an SSRF-safe https GET); for tests and custom transports. */
  load?: (url: URL) => Promise<string>;
}

/**
 * Whether a client id is a Client ID Metadata Document URL: https, with a path, without
 * fragment, credentials or dot segments.
 *
 * @example
 * isClientIdUrl('https://app.example.com/client.json'); // true
 * isClientIdUrl('my-client'); // false
 */
export function isClientIdUrl(clientId: string): boolean {
  if (!clientId.startsWith('https://')) return false;
  try {
    const url = new URL(clientId);
    return (
      url.pathname.length > 1 &&
      !url.hash &&
      !url.username &&
      !url.password &&
      !/\/\.\.?(\/|$)/.test(clientId.slice(8))
    );
  } catch {
    return false;
  }
}

/**
 * Resolves `client_id` URLs to client records (Client ID Metadata Documents,
 * draft-ietf-oauth-client-id-metadata-document): fetched over https only, from public addresses
 * only (SSRF protection), within time and size limits, cached. The document must name itself as
 * `client_id` and list `redirect_uris`; such clients are public (no secret).
 *
 * @example
 * const fetcher = new ClientMetadataFetcher({ timeoutMs: 3000 });
 * const client = await fetcher.fetch('https://app.example.com/oauth/client.json');
 */
export class ClientMetadataFetcher {
  private readonly cache: BoundedCache<OAuthClientRecord>;

  constructor(private readonly options: ClientMetadataFetcherOptions = {}) {
    this.cache = new BoundedCache(options.cacheMaxEntries ?? 1000);
  }

  /** The client a metadata document URL describes; throws `OAuthError('invalid_client')` otherwise. */
  async fetch(clientId: string): Promise<OAuthClientRecord> {
    if (!isClientIdUrl(clientId))
      throw new OAuthError(
        'invalid_client',
        'A client_id URL must be https with a path, without fragment or credentials',
      );
    const cached = this.cache.get(clientId);
    if (cached) return cached;
    const url = new URL(clientId);
    let text: string;
    try {
      text = this.options.load
        ? await this.options.load(url)
        : await safeGet(url, {
            timeoutMs: this.options.timeoutMs ?? 5000,
            maxBytes: this.options.maxBytes ?? 16 * 1024,
            allowAddress: this.options.allowAddress ?? isPublicAddress,
          });
    } catch (error) {
      throw new OAuthError(
        'invalid_client',
        `The client metadata document could not be used: ${(error as Error).message}`,
      );
    }
    const client = this.parse(clientId, text);
    this.cache.set(clientId, client, Date.now() + (this.options.cacheTtlMs ?? 10 * 60_000));
    return client;
  }

  private parse(clientId: string, text: string): OAuthClientRecord {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      throw new OAuthError('invalid_client', 'The client metadata document is not JSON');
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
      throw new OAuthError('invalid_client', 'The client metadata document is not a JSON object');
    const record = doc as Record<string, unknown>;
    if (record.client_id !== clientId)
      throw new OAuthError(
        'invalid_client',
        'The client metadata document names another client_id',
      );
    const uris = record.redirect_uris;
    if (!Array.isArray(uris) || uris.length === 0 || !uris.every((u) => typeof u === 'string')) {
      throw new OAuthError('invalid_client', 'The client metadata document needs redirect_uris');
    }
    if ('client_secret' in record || 'client_secret_expires_at' in record) {
      throw new OAuthError(
        'invalid_client',
        'A client metadata document must not carry a client secret',
      );
    }
    const method = record.token_endpoint_auth_method;
    if (method !== undefined && method !== 'none')
      throw new OAuthError(
        'invalid_client',
        `token_endpoint_auth_method ${String(method)} is not supported for metadata documents (use none)`,
      );
    return {
      ...(record as object),
      client_id: clientId,
      redirect_uris: uris as string[],
      token_endpoint_auth_method: 'none',
    };
  }
}
