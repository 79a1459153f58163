/**
 * How one benchmark client speaks to an HTTP server, in each of the three shapes measured:
 *
 * - `legacy`: a Streamable HTTP session (2025-11-25): `initialize` (its reply carries
 *   `Mcp-Session-Id`), `notifications/initialized` (202), then requests with the session id and
 *   `MCP-Protocol-Version`;
 * - `legacy-stateless`: the official 1.x stateless mode: requests of the legacy protocol with no
 *   session and no handshake (each is served by a fresh server and transport);
 * - `modern`: 2026-07-28: every request carries its `_meta` (protocol version, client
 *   capabilities and info) and the `MCP-Protocol-Version`, `Mcp-Method` and `Mcp-Name` headers.
 */
import type { Endpoint } from './httpClient';
import { responseOf } from './httpClient';
import type { RpcMessage } from './stdioPeer';

/** The request shapes a server is spoken to with. */
export type HttpDialect = 'legacy' | 'legacy-stateless' | 'modern';

/** The legacy protocol version the HTTP scenarios negotiate. */
export const LEGACY_VERSION = '2025-11-25';
/** The stateless protocol version. */
export const MODERN_VERSION = '2026-07-28';

const ACCEPT = 'application/json, text/event-stream';
const CLIENT_INFO = { name: 'bench', version: '1' };
const MODERN_META = {
  'io.modelcontextprotocol/protocolVersion': MODERN_VERSION,
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': CLIENT_INFO,
};
const NAMED: Record<string, string> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
};

/** One client of an HTTP server: its session (legacy), its request ids, its headers. */
export class HttpClientSession {
  private nextId = 1;
  /** The 2026-07-28 headers of each method and name, built once. */
  private readonly headersByCall = new Map<string, Record<string, string>>();

  private constructor(
    private readonly endpoint: Endpoint,
    private readonly dialect: HttpDialect,
    private readonly headers: Record<string, string>,
    /** The session id (legacy only). */
    readonly sessionId?: string,
  ) {}

  /** A client ready to call: for `legacy`, after the whole handshake. */
  static async open(endpoint: Endpoint, dialect: HttpDialect): Promise<HttpClientSession> {
    const base = { 'content-type': 'application/json', accept: ACCEPT };
    if (dialect === 'modern')
      return new HttpClientSession(endpoint, dialect, {
        ...base,
        'mcp-protocol-version': MODERN_VERSION,
      });
    if (dialect === 'legacy-stateless')
      return new HttpClientSession(endpoint, dialect, {
        ...base,
        'mcp-protocol-version': LEGACY_VERSION,
      });
    const sessionId = await openLegacySession(endpoint);
    return new HttpClientSession(
      endpoint,
      dialect,
      { ...base, 'mcp-session-id': sessionId, 'mcp-protocol-version': LEGACY_VERSION },
      sessionId,
    );
  }

  /** Sends one request and resolves with its (successful) response. */
  async call(method: string, params: Record<string, unknown>): Promise<RpcMessage> {
    const id = this.nextId++;
    let headers = this.headers;
    if (this.dialect === 'modern') {
      headers = this.modernHeaders(method, params);
      // `_meta` first: a literal that starts with a spread is slow to build in V8, and the
      // driver's time per call is part of what every row measures
      params = { _meta: MODERN_META, ...params };
    }
    const reply = await this.endpoint.send(
      'POST',
      headers,
      JSON.stringify({ jsonrpc: '2.0', id, method, params }),
    );
    return responseOf(reply, id);
  }

  /** The headers of a 2026-07-28 call: `Mcp-Method`, and `Mcp-Name` for named targets. */
  private modernHeaders(method: string, params: Record<string, unknown>): Record<string, string> {
    const field = NAMED[method];
    const name = field ? String(params[field]) : '';
    const key = `${method} ${name}`;
    let headers = this.headersByCall.get(key);
    if (!headers) {
      headers = { ...this.headers, 'mcp-method': method };
      if (field) headers['mcp-name'] = name;
      this.headersByCall.set(key, headers);
    }
    return headers;
  }
}

/**
 * The legacy handshake over Streamable HTTP: `initialize`, then `notifications/initialized`.
 * Resolves with the new session's id.
 */
export async function openLegacySession(endpoint: Endpoint): Promise<string> {
  const base = { 'content-type': 'application/json', accept: ACCEPT };
  const init = await endpoint.send(
    'POST',
    base,
    JSON.stringify({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion: LEGACY_VERSION, capabilities: {}, clientInfo: CLIENT_INFO },
    }),
  );
  responseOf(init, 0);
  const sessionId = init.headers['mcp-session-id'];
  if (typeof sessionId !== 'string')
    throw new Error(`initialize answered without Mcp-Session-Id: ${init.body.slice(0, 300)}`);
  const headers = { ...base, 'mcp-session-id': sessionId, 'mcp-protocol-version': LEGACY_VERSION };
  const done = await endpoint.send(
    'POST',
    headers,
    '{"jsonrpc":"2.0","method":"notifications/initialized"}',
  );
  if (done.status !== 202)
    throw new Error(
      `notifications/initialized answered HTTP ${done.status}: ${done.body.slice(0, 300)}`,
    );
  return sessionId;
}
