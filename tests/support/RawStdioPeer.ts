import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawnTs } from './spawnTs';

type Message = Record<string, unknown> & { id?: unknown; method?: string };

/**
 * Talks raw newline-delimited JSON-RPC to a child process: no SDK in between, so tests see
 * exactly what the server writes on stdout.
 */
export class RawStdioPeer {
  readonly child: ChildProcessWithoutNullStreams;
  readonly received: Message[] = [];
  readonly stdoutLines: string[] = [];
  stderr = '';
  private pending: string[] = [];
  private waiters: Array<() => void> = [];
  readonly exited: Promise<number | null>;

  constructor(file: string, args: string[] = []) {
    this.child = spawnTs(file, args);
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      let start = 0;
      let i: number;
      while ((i = chunk.indexOf('\n', start)) !== -1) {
        this.pending.push(chunk.slice(start, i));
        const line = this.pending.join('');
        this.pending = [];
        start = i + 1;
        this.stdoutLines.push(line);
        this.received.push(JSON.parse(line) as Message);
      }
      if (start < chunk.length) this.pending.push(chunk.slice(start));
      this.waiters.splice(0).forEach((w) => w());
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (c: string) => (this.stderr += c));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** Writes a raw line (a newline is appended). */
  writeLine(text: string): void {
    this.child.stdin.write(text + '\n');
  }

  /** Sends a message object. */
  send(message: Record<string, unknown>): void {
    this.writeLine(JSON.stringify(message));
  }

  /** Waits for the first message matching `predicate`, received from now or earlier. */
  async waitFor(predicate: (m: Message) => boolean, timeoutMs = 15000): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(predicate);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(
          `timed out; received ${JSON.stringify(this.received).slice(0, 2000)}; stderr ${this.stderr}`,
        );
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
  }

  /** Sends a request and waits for its response. */
  async request(
    id: string | number,
    method: string,
    params?: Record<string, unknown>,
  ): Promise<Message> {
    this.send(
      params === undefined
        ? { jsonrpc: '2.0', id, method }
        : { jsonrpc: '2.0', id, method, params },
    );
    return this.waitFor((m) => m.id === id && m.method === undefined);
  }

  /** Performs the legacy handshake. */
  async initialize(version = '2025-11-25'): Promise<Message> {
    const res = await this.request('init', 'initialize', {
      protocolVersion: version,
      capabilities: {},
      clientInfo: { name: 'raw', version: '1' },
    });
    this.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    return res;
  }

  /** Ends stdin and waits for the process to exit. */
  async close(): Promise<number | null> {
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}
