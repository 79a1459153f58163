import { InvalidTokenError } from '@typemcp/protocol';
import type { AuthInfo, TokenVerifier } from '@typemcp/protocol';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyGetKey, KeyLike } from 'jose';
import { readScopes } from './readScopes';

/**
 * Options of {@link JwtVerifier}.
 *
 * @example
 * const options: JwtVerifierOptions = { issuer: 'https://login.example.com/', audience: 'https://mcp.example.com/mcp', jwksUri: 'https://login.example.com/jwks' };
 */
export interface JwtVerifierOptions {
  /** The issuer tokens must name (`iss`), exactly. */
  issuer: string;
  /** This resource's canonical URI: tokens must list it in `aud` (RFC 8707). */
  audience: string | string[];
  /** Where the issuer publishes its keys (its metadata's `jwks_uri`); or give `key`. */
  jwksUri?: string | URL;
  /** A fixed verification key (a KeyObject/CryptoKey, e.g. from jose's `importJWK`) instead of a JWKS. */
  key?: KeyLike | Uint8Array;
  /** Signature algorithms accepted (default RS256, ES256, PS256, EdDSA); `none` never is. */
  algorithms?: string[];
  /** Leeway for `exp`/`nbf`/`iat`, in seconds (default 30). */
  clockToleranceSeconds?: number;
  /** Longest accepted token age from `iat`, in seconds (default: no limit). */
  maxTokenAgeSeconds?: number;
  /** The `typ` header required (e.g. `at+jwt`, RFC 9068); default: any. */
  typ?: string;
  /** How long a JWKS fetch may take (default 5 s) and how long keys are cached (default 10 min). */
  jwksTimeoutMs?: number;
  jwksCacheMaxAgeMs?: number;
}

const DEFAULT_ALGORITHMS = ['RS256', 'ES256', 'PS256', 'EdDSA'];

/** What the verifier says when jose refuses, without leaking internals. */
function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'The token is not valid yet';
    if (error.claim === 'aud') return 'The token was issued for another resource';
    if (error.claim === 'iss') return 'The token was issued by another issuer';
    return `The token's "${error.claim}" claim is not valid`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'The token is signed with an algorithm this server does not accept';
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'The token signature is not valid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'No key of the issuer matches the token';
  return 'The token is not a valid JWT';
}

/**
 * Verifies JWT access tokens signed by an outside authorization server (Auth0, Okta, Keycloak,
 * Entra...): signature against the issuer's JWKS, `iss`, `aud` = this resource, `exp`/`nbf` with
 * clock skew, and an algorithm allow-list (`alg: none` and HMAC are refused unless listed; `none`
 * always). Claims become `ctx.auth`: `sub`, `client_id`/`azp`, `scope`/`scp`, `exp`.
 *
 * @example
 * const verifier = new JwtVerifier({
 *   issuer: 'https://auth.example.com/',
 *   audience: 'https://mcp.example.com/mcp',
 *   jwksUri: 'https://auth.example.com/.well-known/jwks.json',
 * });
 * serve(app, { auth: { verifier, resource: 'https://mcp.example.com/mcp', authorizationServers: ['https://auth.example.com/'] } });
 */
export class JwtVerifier implements TokenVerifier {
  private readonly key: JWTVerifyGetKey | KeyLike | Uint8Array;
  private readonly algorithms: string[];

  constructor(private readonly options: JwtVerifierOptions) {
    if (!options.jwksUri && !options.key)
      throw new TypeError("JwtVerifier needs jwksUri (the issuer's JWKS URL) or key");
    this.algorithms = (options.algorithms ?? DEFAULT_ALGORITHMS).filter(
      (a) => a.toLowerCase() !== 'none',
    );
    if (this.algorithms.length === 0)
      throw new TypeError('JwtVerifier needs at least one signature algorithm other than "none"');
    this.key = options.jwksUri
      ? createRemoteJWKSet(new URL(String(options.jwksUri)), {
          timeoutDuration: options.jwksTimeoutMs ?? 5000,
          cacheMaxAge: options.jwksCacheMaxAgeMs ?? 10 * 60_000,
        })
      : (options.key as KeyLike | Uint8Array);
  }

  async verify(token: string): Promise<AuthInfo> {
    let payload: JWTPayload;
    try {
      const verifyOptions = {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: this.algorithms,
        clockTolerance: this.options.clockToleranceSeconds ?? 30,
        maxTokenAge: this.options.maxTokenAgeSeconds,
        typ: this.options.typ,
        requiredClaims: ['exp'],
      };
      const key = this.key;
      payload = (
        typeof key === 'function'
          ? await jwtVerify(token, key, verifyOptions)
          : await jwtVerify(token, key, verifyOptions)
      ).payload;
    } catch (error) {
      if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout))
        throw new InvalidTokenError(describe(error));
      if (error instanceof TypeError) throw new InvalidTokenError('The token is not a valid JWT');
      throw error;
    }
    return {
      subject: typeof payload.sub === 'string' ? payload.sub : undefined,
      clientId:
        typeof payload.client_id === 'string'
          ? payload.client_id
          : typeof payload.azp === 'string'
            ? payload.azp
            : undefined,
      scopes: readScopes(payload),
      expiresAt: payload.exp,
      // the audience was checked above against the configured one, which an identity provider may
      // name differently from the endpoint URL; so no `resource` for the guard to compare again
      claims: { ...payload },
    };
  }
}
