import type { JSONRPCMessage, JSONRPCRequest, MessageExtra, Transport } from '@typemcp/protocol';
import { withOAuth } from '../../auth/withOAuth';
import { SSEClientTransport } from './SSEClientTransport';
import type { SSEClientTransportOptions } from './SSEClientTransport';
import { StreamableHTTPClientTransport } from './StreamableHTTPClientTransport';
import type { StreamableHTTPClientTransportOptions } from './StreamableHTTPClientTransport';

/** Options of {@link HttpClientTransport}. */
export interface HttpClientTransportOptions
  extends StreamableHTTPClientTransportOptions, SSEClientTransportOptions {
  /** Where the legacy HTTP+SSE stream lives, if not at the MCP URL itself (e.g. `/sse`). */
  sseUrl?: URL;
}

/**
 * An HTTP client transport that finds what the server speaks, in the spec's order: Streamable
 * HTTP (the client's modern probe, then a legacy `initialize`), and when `initialize` is
 * refused with 400, 404 or 405 and no JSON-RPC body, the deprecated HTTP+SSE transport.
 *
 * @example
 * await client.connect(new HttpClientTransport(new URL('http://127.0.0.1:3000/mcp')));
 */
export class HttpClientTransport implements Transport {
  private readonly streamable: StreamableHTTPClientTransport;
  private sse?: SSEClientTransport;
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtra) => void;
  onerror?: (error: Error) => void;
  onclose?: () => void;

  constructor(
    readonly url: URL,
    private options: HttpClientTransportOptions = {},
  ) {
    if (options.authProvider) {
      // one OAuth state for both transports, so a fallback to HTTP+SSE keeps the login
      const shared = withOAuth(url, options.authProvider, options.fetch ?? fetch);
      this.options = { ...options, authProvider: undefined, fetch: shared };
    }
    this.streamable = new StreamableHTTPClientTransport(url, this.options);
    this.streamable.onmessage = (m, e) => this.onmessage?.(m, e);
    this.streamable.onerror = (e) => this.onerror?.(e);
    this.streamable.onclose = () => {
      if (!this.sse) this.onclose?.();
    };
    this.streamable.onhttperror = (request, status) => this.fallBack(request, status);
  }

  /** Which transport carries the messages now. */
  get kind(): 'streamable-http' | 'sse' {
    return this.sse ? 'sse' : 'streamable-http';
  }

  /** The Streamable HTTP side (session id, protocol version, standalone stream). */
  get streamableTransport(): StreamableHTTPClientTransport {
    return this.streamable;
  }

  start(): Promise<void> {
    return this.streamable.start();
  }

  /** Remembers a tool's `x-mcp-header` arguments (Streamable HTTP). */
  setToolParamHeaders(tool: string, headers: Record<string, string>): void {
    this.streamable.setToolParamHeaders(tool, headers);
  }

  /** Sets the version sent in `MCP-Protocol-Version`. */
  setProtocolVersion(version: string): void {
    this.streamable.setProtocolVersion(version);
  }

  private async fallBack(request: JSONRPCRequest, status: number): Promise<boolean> {
    if (request.method !== 'initialize' || ![400, 404, 405].includes(status) || this.sse)
      return false;
    const sse = new SSEClientTransport(this.options.sseUrl ?? this.url, this.options);
    sse.onmessage = (m, e) => this.onmessage?.(m, e);
    sse.onerror = (e) => this.onerror?.(e);
    sse.onclose = () => this.onclose?.();
    try {
      await sse.start();
    } catch (error) {
      this.onerror?.(error as Error);
      return false;
    }
    this.sse = sse;
    await sse.send(request);
    return true;
  }

  send(message: JSONRPCMessage): Promise<void> {
    return (this.sse ?? this.streamable).send(message);
  }

  /** Opens the legacy standalone GET stream (Streamable HTTP only). */
  openStandaloneStream(): Promise<boolean> {
    return this.sse ? Promise.resolve(false) : this.streamable.openStandaloneStream();
  }

  async close(): Promise<void> {
    if (this.sse) await this.sse.close();
    await this.streamable.close();
  }
}
