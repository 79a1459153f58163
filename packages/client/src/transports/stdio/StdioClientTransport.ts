import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import { ConnectionClosedError, LineDecoder, decodeMessage } from '@typemcp/protocol';
import type { JSONRPCMessage, MessageExtra, Transport } from '@typemcp/protocol';
import { ServerSpawnError } from '../../errors/ServerSpawnError';
import { getDefaultEnvironment } from './defaultEnvironment';
import { StderrTail } from './StderrTail';
import type { StdioServerParameters } from './StdioServerParameters';

/** Bytes of unread stderr kept for the reader of `transport.stderr`; the rest is dropped, never blocking the server. */
const STDERR_BUFFER_BYTES = 1024 * 1024;

/**
 * The client side of stdio: spawns the server and speaks newline-delimited JSON-RPC on its
 * stdin/stdout. Each message is one `write` of one line, so writes never interleave. When the
 * process exits, `onclose` fires and the session fails pending requests with a
 * `ConnectionClosedError` naming the exit code or signal (and the last stderr lines when
 * `stderr: 'pipe'`). `close()` ends stdin, waits, then sends SIGTERM, waits, then SIGKILL.
 *
 * @example
 * const transport = new StdioClientTransport({ command: 'node', args: ['server.js'], stderr: 'pipe' });
 * transport.stderr?.on('data', (chunk) => process.stderr.write(chunk));
 * await client.connect(transport);
 */
export class StdioClientTransport implements Transport {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private closedByTransport?: Promise<void>;
  private closing?: Promise<void>;
  private finished = false;
  private clientClosed = false;
  private readonly tail = new StderrTail();
  private readonly stderrStream: PassThrough | null;
  private markReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtra) => void;
  onerror?: (error: Error) => void;
  onclose?: () => void;
  /** Why the connection closed, in words; the session puts it in the errors of pending requests. */
  closeReason = 'the server process closed the connection';

  constructor(private readonly params: StdioServerParameters) {
    this.stderrStream = params.stderr === 'pipe' ? new PassThrough() : null;
  }

  /**
   * Resolves at the server's first byte on stdout (or on stderr, when piped), or when the
   * process ends: the moment it is known to be running, however long it took to start.
   */
  peerReady(): Promise<void> {
    return this.ready;
  }

  /** The server's stderr when `stderr: 'pipe'` (available before start(), so nothing is missed). */
  get stderr(): Readable | null {
    return this.stderrStream;
  }

  /** The child's pid, once started. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The child's exit code, once it exited normally (`null` before, or when a signal ended it). */
  get exitCode(): number | null {
    return this.child?.exitCode ?? null;
  }

  /** The signal that ended the child, if one did. */
  get exitSignal(): NodeJS.Signals | null {
    return this.child?.signalCode ?? null;
  }

  /** Spawns the process; rejects with a {@link ServerSpawnError} when it cannot start (ENOENT...). */
  start(): Promise<void> {
    if (this.child)
      return Promise.reject(
        new Error('StdioClientTransport already started; a transport serves one connection'),
      );
    const { command, args = [], cwd } = this.params;
    return new Promise((resolve, reject) => {
      let child: ChildProcess;
      try {
        child = spawn(command, args, {
          env: { ...getDefaultEnvironment(), ...this.params.env },
          cwd,
          stdio: ['pipe', 'pipe', this.params.stderr ?? 'inherit'],
          shell: false,
          windowsHide: true,
        });
      } catch (error) {
        reject(
          new ServerSpawnError(command, (error as NodeJS.ErrnoException).code, error as Error),
        );
        return;
      }
      this.child = child;
      let spawned = false;
      child.once('spawn', () => {
        spawned = true;
        resolve();
      });
      child.once('error', (error: NodeJS.ErrnoException) => {
        if (spawned) return this.onerror?.(error);
        this.finished = true; // never started: no onclose for a connection that never was
        if (cwd !== undefined && !existsSync(cwd)) {
          reject(
            new ServerSpawnError(
              command,
              undefined,
              new Error(`its working directory ${cwd} does not exist`),
            ),
          );
        } else reject(new ServerSpawnError(command, error.code, error));
      });
      this.exited = new Promise((done) => child.once('exit', () => done()));
      this.closedByTransport = new Promise((done) => {
        child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
          this.describeExit(code, signal);
          this.finish();
          done();
        });
      });
      this.wireStreams(child);
    });
  }

  private wireStreams(child: ChildProcess): void {
    const decoder = new LineDecoder((line) => {
      const decoded = decodeMessage(line);
      if (decoded.ok) this.onmessage?.(decoded.message);
      else
        this.onerror?.(
          new Error(
            `The server wrote a line that is not a JSON-RPC message (${decoded.response.error.message}): ${line.slice(0, 200)}`,
          ),
        );
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      this.markReady();
      decoder.push(chunk);
    });
    child.stdout?.on('error', (error) => this.onerror?.(error));
    child.stdin?.on('error', (error: NodeJS.ErrnoException) => {
      // EPIPE: the process is gone; its exit is reported through onclose with the exit code.
      if (error.code !== 'EPIPE') this.onerror?.(error);
    });
    const stream = this.stderrStream;
    if (stream) {
      child.stderr?.on('data', (chunk: Buffer) => {
        this.markReady();
        this.tail.push(chunk);
        // Forward without ever pausing the child's stderr: a server blocked on a full stderr
        // pipe would stop answering. Unread output beyond the buffer is dropped.
        if (stream.readableLength < STDERR_BUFFER_BYTES) stream.write(chunk);
      });
      child.stderr?.on('end', () => stream.end());
    }
  }

  private describeExit(code: number | null, signal: NodeJS.Signals | null): void {
    const how = signal ? `was killed by signal ${signal}` : `exited with code ${code}`;
    const tail = this.tail.lines();
    const stderrPart = tail ? `; its last stderr lines:\n${tail}` : '';
    this.closeReason = this.clientClosed
      ? `the client closed the connection (the server process ${how})`
      : `the server process ${how}${stderrPart}`;
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.markReady();
    this.onclose?.();
  }

  /** Writes one message as one line. Rejects with a `ConnectionClosedError` once the process is gone. */
  send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.child?.stdin;
    if (!stdin || this.finished || !stdin.writable) {
      return Promise.reject(
        new ConnectionClosedError(
          `Cannot send: ${this.child ? this.closeReason : 'the transport is not started'}`,
        ),
      );
    }
    const line = JSON.stringify(message) + '\n';
    return new Promise((resolve, reject) => {
      stdin.write(line, (error) => {
        if (!error) return resolve();
        reject(new ConnectionClosedError(`Cannot send: ${this.closeReason} (${error.message})`));
      });
    });
  }

  /** Ends stdin, waits, then SIGTERM, waits, then SIGKILL (each wait `closeGraceMs`, default 2 s). */
  close(): Promise<void> {
    return (this.closing ??= this.shutdown());
  }

  private async shutdown(): Promise<void> {
    const child = this.child;
    if (!child || !this.exited || !this.closedByTransport) return this.finish();
    if (this.finished) return;
    const grace = this.params.closeGraceMs ?? 2000;
    const within = (promise: Promise<void>, ms: number) =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), ms);
        void promise.then(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    if (child.exitCode === null && child.signalCode === null) {
      this.clientClosed = true;
      child.stdin?.end();
      if (!(await within(this.exited, grace))) {
        child.kill('SIGTERM');
        if (!(await within(this.exited, grace))) {
          child.kill('SIGKILL');
          await within(this.exited, grace);
        }
      }
    }
    // 'close' follows 'exit' once stdout and stderr end; a grandchild holding them open must not keep us waiting.
    if (!(await within(this.closedByTransport, 500))) {
      child.stdout?.destroy();
      child.stderr?.destroy();
      this.describeExit(child.exitCode, child.signalCode);
      this.finish();
    }
  }
}
