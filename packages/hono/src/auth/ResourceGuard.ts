import { ErrorCode, InvalidTokenError } from '@typemcp/protocol';
import type { AuthInfo, JSONRPCMessage, ResourceServerOptions } from '@typemcp/protocol';
import type { Server } from '@typemcp/server';
import { errorResponse } from '../httpErrors';
import { withCors } from '../security/cors';
import type { SecurityOptions } from '../security/SecurityOptions';
import { challengeResponse } from './bearerChallenge';
import {
  canonicalResource,
  protectedResourceMetadata,
  protectedResourceMetadataUrl,
  protectedResourcePaths,
} from './protectedResource';
import { SessionOwners } from './SessionOwners';
import { headerOf } from '../nodeRequest';

/** The route a request is for, as the engine names them. */
type Route = 'mcp' | 'sse' | 'messages';

/**
 * The OAuth resource-server side of an MCP endpoint: takes the bearer token from the
 * `Authorization` header only, has the verifier check it, refuses with 401/400/403 and a
 * `WWW-Authenticate` challenge pointing at the RFC 9728 metadata, checks the token's audience
 * and required scopes, the scopes of the tool/prompt/resource a request names, and that a session
 * is used only by the subject that opened it.
 *
 * @example
 * const guard = new ResourceGuard(options.auth, server, () => handler.sessions);
 * const auth = await guard.authenticate(request, 'mcp');
 * if (auth instanceof Response) return auth;
 */
export class ResourceGuard {
  readonly resource: string;
  readonly metadataUrl: string;
  private readonly owners: SessionOwners;

  constructor(
    readonly options: ResourceServerOptions,
    private readonly server: Server,
    liveSessions: () => ReadonlyMap<string, unknown>,
  ) {
    this.resource = canonicalResource(options.resource);
    this.metadataUrl = protectedResourceMetadataUrl(options.resource);
    this.owners = new SessionOwners(liveSessions);
  }

  /** Paths (on the origin) where the metadata is served. */
  get metadataPaths(): string[] {
    return protectedResourcePaths(this.options.resource);
  }

  /** The RFC 9728 document, CORS-open as metadata is public. */
  metadataResponse(): Response {
    const body = protectedResourceMetadata(this.options, this.server.allScopes());
    return new Response(JSON.stringify(body), {
      headers: {
        'content-type': 'application/json',
        'access-control-allow-origin': '*',
        'cache-control': 'max-age=300',
      },
    });
  }

  private challenge(
    error?: 'invalid_request' | 'invalid_token' | 'insufficient_scope',
    errorDescription?: string,
    scopes = this.options.requiredScopes,
  ): Response {
    return challengeResponse({
      error,
      errorDescription,
      scopes,
      resourceMetadata: this.metadataUrl,
    });
  }

  /** The verified caller of a request, or the response refusing it. */
  async authenticate(request: Request, route: Route): Promise<AuthInfo | Response> {
    const url = new URL(request.url);
    if (url.searchParams.has('access_token')) {
      return this.challenge(
        'invalid_request',
        'Bearer tokens are accepted in the Authorization header only, never in the query string',
      );
    }
    const header = headerOf(request, 'authorization');
    const match = header ? /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header) : null;
    if (!header || !/^bearer\b/i.test(header)) return this.challenge();
    if (!match)
      return this.challenge(
        'invalid_request',
        'Malformed Authorization header: expected "Bearer <token>"',
      );
    const token = match[1];
    let auth: AuthInfo;
    try {
      auth = await this.options.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) return this.challenge('invalid_token', error.message);
      this.server.reportError(error instanceof Error ? error : new Error(String(error)));
      return errorResponse(
        503,
        ErrorCode.InternalError,
        'The token could not be checked now; try again',
        undefined,
        undefined,
        { 'retry-after': '5' },
      );
    }
    if (auth.expiresAt !== undefined && auth.expiresAt * 1000 <= Date.now())
      return this.challenge('invalid_token', 'The token expired');
    if (auth.resource !== undefined && canonicalResource(auth.resource) !== this.resource) {
      return this.challenge('invalid_token', 'The token was issued for another resource');
    }
    const granted = new Set(auth.scopes ?? []);
    const required = this.options.requiredScopes ?? [];
    if (required.some((s) => !granted.has(s)))
      return this.challenge(
        'insufficient_scope',
        `This server needs the scope(s) ${required.join(' ')}`,
      );
    const withToken: AuthInfo = { token, ...auth }; // token first: a spread-first literal is slow
    withToken.token = token;
    const session =
      route === 'messages'
        ? url.searchParams.get('sessionId')
        : route === 'mcp'
          ? headerOf(request, 'mcp-session-id')
          : null;
    if (session !== null && !this.owners.allows(session, withToken.subject)) {
      return errorResponse(
        404,
        ErrorCode.InvalidRequest,
        'Session not found: it ended or never existed; initialize a new one',
      );
    }
    return withToken;
  }

  /**
   * Serves one MCP request behind the guard: a CORS preflight passes untouched, a refusal is
   * answered (with CORS headers when `cors` is on), else `handle` runs with the verified caller
   * and a new session is claimed for it.
   */
  async serve(
    request: Request,
    route: Route,
    handle: (auth: AuthInfo | undefined) => Promise<Response>,
    security: SecurityOptions,
  ): Promise<Response> {
    if (request.method === 'OPTIONS') return handle(undefined);
    const caller = await this.authenticate(request, route);
    if (caller instanceof Response)
      return security.cors ? withCors(request, caller, security) : caller;
    const response = await handle(caller);
    if (route === 'mcp') this.claimSession(response, caller);
    return response;
  }

  /** After the engine answered: a new Streamable HTTP session belongs to the subject that opened it. */
  claimSession(response: Response, auth: AuthInfo): void {
    const id = response.headers.get('mcp-session-id');
    if (id) this.owners.claim(id, auth.subject);
  }

  /** 403 `insufficient_scope` when the request names a tool, prompt or resource the caller may not use. */
  authorize(message: JSONRPCMessage, auth: AuthInfo | undefined): Response | undefined {
    if (!auth || !('method' in message)) return undefined;
    const needed = this.server.requiredScopes(
      message.method,
      message.params as Record<string, unknown> | undefined,
    );
    if (!needed?.length) return undefined;
    const granted = new Set(auth.scopes ?? []);
    const missing = needed.filter((s) => !granted.has(s));
    if (!missing.length) return undefined;
    const scopes = [...new Set([...(this.options.requiredScopes ?? []), ...needed])];
    const description = `${message.method} needs the scope(s) ${missing.join(' ')}`;
    const body =
      'id' in message
        ? {
            jsonrpc: '2.0',
            id: message.id,
            error: {
              code: ErrorCode.InvalidRequest,
              message: `Forbidden: ${description}`,
              data: { requiredScopes: needed },
            },
          }
        : undefined;
    return challengeResponse(
      {
        error: 'insufficient_scope',
        errorDescription: description,
        scopes,
        resourceMetadata: this.metadataUrl,
      },
      body,
    );
  }

  /** Sessions with a recorded owner. */
  get ownedSessions(): number {
    return this.owners.size;
  }
}
