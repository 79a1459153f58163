/**
 * A child-process server driven over raw stdio at fuzzing speed: lines written in bulk, every
 * stdout line kept (a line that is not JSON is recorded, never thrown), answers indexed by id.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawnTs } from '../../support/spawnTs';

/** A message the server wrote. */
export type Written = Record<string, unknown> & { id?: unknown; method?: unknown };

/**
 * Spawns `file` and talks newline-delimited JSON-RPC to it.
 *
 * @example
 * const peer = new StdioFuzzPeer('tests/hardening/fixtures/fuzzTarget.ts');
 * peer.write(['{"jsonrpc":"2.0","id":1,"method":"ping"}']);
 * await peer.until(() => peer.byId.has(1));
 */
export class StdioFuzzPeer {
  readonly child: ChildProcessWithoutNullStreams;
  /** Responses with an id, by id (a list: a second answer to one id is a bug to report). */
  readonly byId = new Map<unknown, Written[]>();
  /** Error responses without an id. */
  readonly idless: Written[] = [];
  /** Notifications and server-to-client requests. */
  readonly notifications: Written[] = [];
  /** stdout lines that were not one JSON object. */
  readonly garbage: string[] = [];
  stderr = '';
  exitCode: number | null | undefined = undefined;
  private partial = '';
  private waiters: Array<() => void> = [];

  constructor(file: string) {
    this.child = spawnTs(file);
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => this.take(chunk));
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => {
      if (this.stderr.length < 100_000) this.stderr += chunk;
    });
    this.child.on('exit', (code) => {
      this.exitCode = code;
      this.wake();
    });
  }

  private take(chunk: string): void {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() as string;
    for (const line of lines) {
      let message: Written;
      try {
        message = JSON.parse(line) as Written;
      } catch {
        this.garbage.push(line.slice(0, 200));
        continue;
      }
      if (typeof message !== 'object' || message === null || Array.isArray(message))
        this.garbage.push(line.slice(0, 200));
      else if ('method' in message) this.notifications.push(message);
      else if ('id' in message) {
        const list = this.byId.get(message.id);
        if (list) list.push(message);
        else this.byId.set(message.id, [message]);
      } else this.idless.push(message);
    }
    this.wake();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /**
   * Writes lines (each must hold no newline) in chunks of about 256 KiB, waiting for `drain`
   * whenever the pipe is full, the way a well-behaved client writes.
   */
  async write(lines: string[]): Promise<void> {
    let chunk: string[] = [];
    let size = 0;
    const flush = async () => {
      if (chunk.length === 0) return;
      const text = chunk.join('\n') + '\n';
      chunk = [];
      size = 0;
      if (!this.child.stdin.write(text))
        await new Promise<void>((resolve) => this.child.stdin.once('drain', resolve));
    };
    for (const line of lines) {
      chunk.push(line);
      size += line.length;
      if (size >= 256 * 1024) await flush();
    }
    await flush();
  }

  /** Resolves once `check()` holds; rejects after `timeoutMs` or when the process exits. */
  async until(
    check: () => boolean,
    timeoutMs = 15_000,
    what: () => string = () => 'condition',
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (this.exitCode !== undefined)
        throw new Error(
          `the server exited (${this.exitCode}) waiting for ${what()}; stderr: ${this.stderrBrief()}`,
        );
      if (Date.now() > deadline)
        throw new Error(
          `no ${what()} within ${timeoutMs} ms (the server hangs?); stderr: ${this.stderrBrief()}`,
        );
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** The server's stderr for a report, without Node's MaxListeners warnings about stdout `drain`. */
  stderrBrief(): string {
    return this.stderr
      .split('\n')
      .filter((line) => !/MaxListeners|trace-warnings/.test(line))
      .join('\n')
      .slice(0, 3000);
  }

  /** Sends a request and resolves with its response. */
  async request(
    id: string | number,
    method: string,
    params?: Record<string, unknown>,
  ): Promise<Written> {
    await this.write([
      JSON.stringify({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) }),
    ]);
    await this.until(
      () => this.byId.has(id),
      15_000,
      () => `answer to ${String(id)}`,
    );
    return (this.byId.get(id) as Written[])[0];
  }

  /** Ends stdin and waits for the exit code (SIGKILL after 5 s). */
  async close(): Promise<number | null> {
    if (this.exitCode !== undefined) return this.exitCode;
    const exited = new Promise<number | null>((resolve) =>
      this.child.once('exit', (code) => resolve(code)),
    );
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }
}
