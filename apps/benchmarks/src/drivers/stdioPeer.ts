/** A raw newline-delimited JSON-RPC peer over a child's stdio: no SDK, nothing but JSON. */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';

/** A JSON-RPC message as the driver sees it. */
export type RpcMessage = {
  id?: number;
  result?: Record<string, unknown>;
  error?: unknown;
  method?: string;
};

/**
 * A stdio MCP server in a child process, spoken to with raw JSON-RPC lines. Responses are
 * matched to requests by id; a JSON-RPC error or an `isError` tool result rejects the request.
 */
export class StdioPeer {
  readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<
    number,
    { resolve: (m: RpcMessage) => void; reject: (e: Error) => void }
  >();
  private parts: string[] = [];
  private nextId = 1;
  private stderr = '';
  private readonly exited: Promise<void>;

  /** Starts `command args` with piped stdio. */
  constructor(command: string, args: string[]) {
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => this.onData(chunk));
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (c: string) => (this.stderr = (this.stderr + c).slice(-4000)));
    this.exited = new Promise((resolve) =>
      this.child.on('exit', () => {
        for (const p of this.pending.values())
          p.reject(new Error(`server exited; stderr: ${this.stderr}`));
        this.pending.clear();
        resolve();
      }),
    );
  }

  /** The server's process id. */
  get pid(): number {
    return this.child.pid ?? 0;
  }

  private onData(chunk: string): void {
    // search only the new chunk for newlines, so big messages cost linear time in the driver
    let start = 0;
    let i: number;
    while ((i = chunk.indexOf('\n', start)) !== -1) {
      this.parts.push(chunk.slice(start, i));
      const line = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
      this.parts = [];
      start = i + 1;
      const m = JSON.parse(line) as RpcMessage;
      const waiter = m.id !== undefined ? this.pending.get(m.id) : undefined;
      if (!waiter) continue;
      this.pending.delete(m.id as number);
      if (m.error || m.result?.isError)
        waiter.reject(new Error(`server answered ${line.slice(0, 500)}`));
      else waiter.resolve(m);
    }
    if (start < chunk.length) this.parts.push(chunk.slice(start));
  }

  /** Sends a request and resolves with its response. */
  request(method: string, params: Record<string, unknown>): Promise<RpcMessage> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      this.child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
    });
  }

  /** The legacy handshake: `initialize`, then `notifications/initialized`. */
  async initialize(protocolVersion = '2025-06-18'): Promise<void> {
    await this.request('initialize', {
      protocolVersion,
      capabilities: {},
      clientInfo: { name: 'bench', version: '1' },
    });
    this.child.stdin.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n');
  }

  /** Closes the server's stdin and waits for it to exit. */
  async close(): Promise<void> {
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
  }
}
