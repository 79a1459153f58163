/**
 * The driver's HTTP client: node:http with a keep-alive Agent (no SDK, no fetch machinery), and
 * the reading of a JSON-RPC reply from a JSON body or an SSE stream.
 */
import * as http from 'node:http';
import type { RpcMessage } from './stdioPeer';

/** A complete HTTP reply. */
export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Where a benchmark client sends its requests: one MCP endpoint over kept-alive connections. */
export interface Endpoint {
  /** Sends one request and resolves with the whole reply. */
  send(
    method: 'POST' | 'DELETE',
    headers: Record<string, string>,
    body?: string,
  ): Promise<HttpReply>;
  /** Closes the kept-alive connections. */
  close(): void | Promise<void>;
}

/** POSTs and DELETEs to one endpoint over at most `connections` kept-alive sockets. */
export class HttpEndpoint implements Endpoint {
  private readonly agent: http.Agent;

  /** An endpoint at `http://127.0.0.1:<port><path>`. */
  constructor(
    private readonly port: number,
    connections: number,
    private readonly path = '/mcp',
  ) {
    this.agent = new http.Agent({
      keepAlive: true,
      maxSockets: connections,
      maxFreeSockets: connections,
    });
  }

  /** Sends one request and resolves with the whole reply. */
  send(
    method: 'POST' | 'DELETE',
    headers: Record<string, string>,
    body?: string,
  ): Promise<HttpReply> {
    return new Promise((resolve, reject) => {
      const allHeaders =
        body === undefined
          ? headers
          : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
      const req = http.request(
        {
          agent: this.agent,
          host: '127.0.0.1',
          port: this.port,
          method,
          path: this.path,
          headers: allHeaders,
        },
        (res) => {
          res.setEncoding('utf8');
          let text = '';
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Closes the kept-alive sockets. */
  close(): void {
    this.agent.destroy();
  }
}

/**
 * The JSON-RPC response with `id` in a reply: the JSON body, or the `data` of the SSE events (an
 * empty priming event is skipped). Throws on an HTTP error, a JSON-RPC error, an `isError`
 * tool result or a missing response, so a wrong request shape never counts as a call.
 */
export function responseOf(reply: HttpReply, id: number): RpcMessage {
  const fail = (why: string) =>
    new Error(`${why}: HTTP ${reply.status} ${reply.body.slice(0, 500)}`);
  if (reply.status !== 200) throw fail('unexpected status');
  let message: RpcMessage | undefined;
  if (String(reply.headers['content-type']).startsWith('text/event-stream')) {
    for (const block of reply.body.split('\n\n')) {
      let data = '';
      for (const line of block.split('\n'))
        if (line.startsWith('data:')) data += line.slice(line[5] === ' ' ? 6 : 5);
      if (!data) continue;
      const m = JSON.parse(data) as RpcMessage;
      if (m.id === id) message = m;
    }
  } else {
    message = JSON.parse(reply.body) as RpcMessage;
  }
  if (!message || message.id !== id) throw fail(`no response to request ${id}`);
  if (message.error || message.result?.isError) throw fail('error response');
  return message;
}
