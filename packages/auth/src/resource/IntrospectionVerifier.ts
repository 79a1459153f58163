import { createHash } from 'node:crypto';
import { InvalidTokenError } from '@typemcp/protocol';
import type { AuthInfo, TokenVerifier } from '@typemcp/protocol';
import { BoundedCache } from './BoundedCache';
import { readScopes } from './readScopes';

/**
 * Options of {@link IntrospectionVerifier}.
 *
 * @example
 * const options: IntrospectionVerifierOptions = { endpoint: 'https://as.example.com/introspect', audience: 'https://mcp.example.com/mcp', cacheTtlMs: 30_000 };
 */
export interface IntrospectionVerifierOptions {
  /** The authorization server's RFC 7662 introspection endpoint. */
  endpoint: string | URL;
  /** This resource's canonical URI: an active token must name it in `aud` (when `aud` is present). */
  audience: string;
  /** Credentials of this resource server at the introspection endpoint (HTTP Basic). */
  clientId?: string;
  clientSecret?: string;
  /** The issuer an answer must name in `iss`, when it names one. */
  issuer?: string;
  /** How long an answer is reused (default 60 s; never past the token's `exp`). */
  cacheTtlMs?: number;
  /** Most answers cached (default 10 000). */
  cacheMaxEntries?: number;
  /** How long a call may take (default 5 s). */
  timeoutMs?: number;
  /** A custom fetch (default: the global one). */
  fetch?: typeof fetch;
}

const MAX_ANSWER_BYTES = 64 * 1024;

/** A response body as text, cancelled past `max` bytes. */
async function bodyText(response: Response, max: number): Promise<string> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new Error('answer too large');
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Verifies opaque tokens by asking the authorization server (RFC 7662 token introspection),
 * caching answers (bounded in count, never past the token's expiry). An inactive token, one for
 * another audience or issuer, or an expired one is invalid (401); an endpoint that fails or
 * times out is not an answer (503, nothing cached).
 *
 * @example
 * const verifier = new IntrospectionVerifier({
 *   endpoint: 'https://auth.example.com/oauth/introspect',
 *   audience: 'https://mcp.example.com/mcp',
 *   clientId: 'mcp-server', clientSecret: process.env.INTROSPECTION_SECRET,
 * });
 */
export class IntrospectionVerifier implements TokenVerifier {
  private readonly cache: BoundedCache<AuthInfo | string>;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: IntrospectionVerifierOptions) {
    this.cache = new BoundedCache(options.cacheMaxEntries ?? 10_000);
    this.fetchImpl = options.fetch ?? fetch;
  }

  async verify(token: string): Promise<AuthInfo> {
    const key = createHash('sha256').update(token).digest('base64url');
    const cached = this.cache.get(key);
    if (typeof cached === 'string') throw new InvalidTokenError(cached);
    if (cached) return { ...cached, token };
    const now = Date.now();
    const ttl = this.options.cacheTtlMs ?? 60_000;
    let answer: Record<string, unknown>;
    try {
      answer = await this.introspect(token);
    } catch (error) {
      throw new Error(`Token introspection failed: ${(error as Error).message}`, { cause: error });
    }
    const refusal = this.refusal(answer, now);
    if (refusal) {
      this.cache.set(key, refusal, now + Math.min(ttl, 10_000));
      throw new InvalidTokenError(refusal);
    }
    const exp = typeof answer.exp === 'number' ? answer.exp : undefined;
    const auth: AuthInfo = {
      subject: typeof answer.sub === 'string' ? answer.sub : undefined,
      clientId: typeof answer.client_id === 'string' ? answer.client_id : undefined,
      scopes: readScopes(answer),
      expiresAt: exp,
      claims: answer,
    };
    this.cache.set(key, auth, Math.min(now + ttl, exp !== undefined ? exp * 1000 : Infinity));
    return { ...auth, token };
  }

  private refusal(answer: Record<string, unknown>, now: number): string | undefined {
    if (answer.active !== true) return 'The token is not active';
    if (typeof answer.exp === 'number' && answer.exp * 1000 <= now) return 'The token expired';
    if (typeof answer.nbf === 'number' && answer.nbf * 1000 > now + 30_000)
      return 'The token is not valid yet';
    const aud = answer.aud;
    if (aud !== undefined && !(Array.isArray(aud) ? aud : [aud]).includes(this.options.audience))
      return 'The token was issued for another resource';
    if (this.options.issuer && answer.iss !== undefined && answer.iss !== this.options.issuer)
      return 'The token was issued by another issuer';
    return undefined;
  }

  private async introspect(token: string): Promise<Record<string, unknown>> {
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    };
    if (this.options.clientId) {
      const user = encodeURIComponent(this.options.clientId);
      const pass = encodeURIComponent(this.options.clientSecret ?? '');
      headers.authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    }
    const response = await this.fetchImpl(String(this.options.endpoint), {
      method: 'POST',
      headers,
      body: new URLSearchParams({ token, token_type_hint: 'access_token' }).toString(),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      redirect: 'error',
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`HTTP ${response.status}`);
    }
    const text = await bodyText(response, MAX_ANSWER_BYTES);
    const body = JSON.parse(text) as unknown;
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new Error('answer is not a JSON object');
    return body as Record<string, unknown>;
  }
}
