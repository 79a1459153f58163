import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { ConnectionClosedError, LineDecoder, decodeMessage } from '@typemcp/protocol';
import type { JSONRPCMessage, MessageExtra, Transport } from '@typemcp/protocol';
import { getDefaultEnvironment } from './defaultEnvironment';

/** How to start the server process. */
export interface StdioServerParameters {
  /** The executable. */
  command: string;
  /** Its arguments. */
  args?: string[];
  /** Environment; default {@link getDefaultEnvironment}() (given variables are added to it). */
  env?: Record<string, string>;
  /** Working directory. */
  cwd?: string;
  /** What to do with the server's stderr (default 'inherit'). */
  stderr?: 'inherit' | 'pipe' | 'ignore';
  /** How long close() waits after ending stdin before SIGTERM, and after SIGTERM before SIGKILL (ms, default 2000). */
  closeGraceMs?: number;
}

/**
 * The client side of stdio: spawns the server and speaks newline-delimited JSON-RPC on its
 * stdin/stdout. close() ends stdin, waits, then sends SIGTERM, then SIGKILL.
 *
 * @example
 * const transport = new StdioClientTransport({ command: 'npx', args: ['ts-node', 'server.ts'] });
 * await client.connect(transport);
 */
export class StdioClientTransport implements Transport {
  private child?: ChildProcess;
  private exitPromise?: Promise<void>;
  private closed = false;
  private stderrTail = '';
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtra) => void;
  onerror?: (error: Error) => void;
  onclose?: () => void;

  constructor(private readonly params: StdioServerParameters) {}

  /** The server's stderr when `stderr: 'pipe'` (available after start()). */
  get stderr(): Readable | null {
    return this.child?.stderr ?? null;
  }

  /** The child's pid, once started. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Why the connection closed, for error messages. */
  closeReason = 'the server process closed the connection';

  start(): Promise<void> {
    if (this.child) throw new Error('StdioClientTransport already started');
    return new Promise((resolve, reject) => {
      const child = spawn(this.params.command, this.params.args ?? [], {
        env: { ...getDefaultEnvironment(), ...this.params.env },
        cwd: this.params.cwd,
        stdio: ['pipe', 'pipe', this.params.stderr ?? 'inherit'],
        shell: false,
        windowsHide: true,
      });
      this.child = child;
      const decoder = new LineDecoder((line) => {
        const decoded = decodeMessage(line);
        if (decoded.ok) this.onmessage?.(decoded.message);
        else this.onerror?.(new Error(`Server wrote an invalid message: ${decoded.response.error.message}`));
      });
      child.stdout?.on('data', (chunk: Buffer) => decoder.push(chunk));
      if (this.params.stderr === 'pipe') {
        child.stderr?.on('data', (chunk: Buffer) => {
          this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-2000);
        });
      }
      child.stdin?.on('error', (error) => this.onerror?.(error));
      let spawned = false;
      child.once('spawn', () => {
        spawned = true;
        resolve();
      });
      child.once('error', (error: NodeJS.ErrnoException) => {
        if (!spawned) {
          const detail = error.code === 'ENOENT' ? `command not found: ${this.params.command}` : error.message;
          reject(new Error(`Could not start the MCP server: ${detail}`));
        } else this.onerror?.(error);
      });
      this.exitPromise = new Promise((done) => {
        child.once('close', (code, signal) => {
          const tail = this.stderrTail.trim().split('\n').slice(-5).join('\n');
          this.closeReason =
            `the server process exited (${signal ? `signal ${signal}` : `code ${code}`})` +
            (tail ? `; its last stderr lines:\n${tail}` : '');
          this.finish();
          done();
        });
      });
    });
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.();
  }

  send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.child?.stdin;
    if (!stdin || this.closed || stdin.destroyed) {
      return Promise.reject(new ConnectionClosedError(`Cannot send: ${this.closeReason}`));
    }
    return new Promise((resolve, reject) => {
      const ok = stdin.write(JSON.stringify(message) + '\n', (error) => (error ? reject(error) : undefined));
      if (ok) resolve();
      else stdin.once('drain', resolve);
    });
  }

  /** Ends stdin, waits, then SIGTERM, waits, then SIGKILL. */
  async close(): Promise<void> {
    const child = this.child;
    if (!child || !this.exitPromise) {
      this.finish();
      return;
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      await this.exitPromise;
      return;
    }
    this.closeReason = 'the client closed the connection';
    const grace = this.params.closeGraceMs ?? 2000;
    const exited = this.exitPromise;
    const waitFor = (ms: number) =>
      Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
    child.stdin?.end();
    if (await waitFor(grace)) return;
    child.kill('SIGTERM');
    if (await waitFor(grace)) return;
    child.kill('SIGKILL');
    await exited;
  }
}
