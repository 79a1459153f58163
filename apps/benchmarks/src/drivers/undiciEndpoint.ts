/**
 * The lighter HTTP client of the no-SDK limit run: an undici `Pool` of kept-alive connections
 * (no pipelining). undici spends less of the driver's core per call than node:http, so the
 * server, not the driver, is what the limit run measures.
 */
import { Pool } from 'undici';
import type { Endpoint, HttpReply } from './httpClient';

/** POSTs and DELETEs to `http://127.0.0.1:<port><path>` over at most `connections` sockets. */
export class UndiciEndpoint implements Endpoint {
  private readonly pool: Pool;

  /**
   * @example
   * const endpoint = new UndiciEndpoint(port, 32);
   * const reply = await endpoint.send('POST', headers, body);
   */
  constructor(
    port: number,
    connections: number,
    private readonly path = '/mcp',
  ) {
    this.pool = new Pool(`http://127.0.0.1:${port}`, { connections, pipelining: 1 });
  }

  /** Sends one request and resolves with the whole reply. */
  async send(
    method: 'POST' | 'DELETE',
    headers: Record<string, string>,
    body?: string,
  ): Promise<HttpReply> {
    const response = await this.pool.request({ method, path: this.path, headers, body });
    return {
      status: response.statusCode,
      headers: response.headers,
      body: await response.body.text(),
    };
  }

  /** Closes the kept-alive connections. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
