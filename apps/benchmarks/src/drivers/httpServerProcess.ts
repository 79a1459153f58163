/**
 * An HTTP server under test in a child process, and its side channel on stdio: `READY <port>`
 * once listening, and `mem` → `MEM <json>` (process.memoryUsage() after forced GCs).
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { HttpEndpoint } from './httpClient';
import type { Endpoint } from './httpClient';

/** process.memoryUsage() of the server, after garbage collection. */
export interface ServerMemory {
  rss: number;
  heapUsed: number;
  external: number;
}

/** A running HTTP server child. */
export class HttpServerProcess {
  private lines: string[] = [];
  private partial = '';
  private waiters: Array<() => void> = [];
  private stderr = '';
  private listeningPort = 0;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly exited: Promise<void>;

  private constructor(command: string, args: string[]) {
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => this.onData(chunk));
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (c: string) => (this.stderr = (this.stderr + c).slice(-4000)));
    this.exited = new Promise((resolve) => this.child.on('exit', () => resolve()));
  }

  /**
   * When true (the smoke run, which never judges speed), rows asking for the same command line
   * share one server: it starts once, `close()` keeps it, {@link HttpServerProcess.closeShared}
   * stops it.
   */
  static share = false;
  private static readonly shared = new Map<string, Promise<HttpServerProcess>>();
  private isShared = false;

  /** Starts `command args` (or finds it running, when shared) and resolves once it listens. */
  static start(command: string, args: string[]): Promise<HttpServerProcess> {
    if (!HttpServerProcess.share) return HttpServerProcess.launch(command, args);
    const key = [command, ...args].join('\0');
    let server = HttpServerProcess.shared.get(key);
    if (!server) {
      server = HttpServerProcess.launch(command, args).then((s) =>
        Object.assign(s, { isShared: true }),
      );
      HttpServerProcess.shared.set(key, server);
      server.catch(() => HttpServerProcess.shared.delete(key));
    }
    return server;
  }

  /** Stops every shared server. */
  static async closeShared(): Promise<void> {
    const all = [...HttpServerProcess.shared.values()];
    HttpServerProcess.shared.clear();
    await Promise.all(
      all.map((server) =>
        server.then(
          (s) => s.stop(),
          () => undefined,
        ),
      ),
    );
  }

  private static async launch(command: string, args: string[]): Promise<HttpServerProcess> {
    const server = new HttpServerProcess(command, args);
    try {
      server.listeningPort = Number((await server.nextLine('READY ', 60_000)).slice(6));
    } catch (error) {
      server.child.kill('SIGKILL');
      throw error;
    }
    return server;
  }

  /** The port it listens on (127.0.0.1). */
  get port(): number {
    return this.listeningPort;
  }

  /** The last few kB the server wrote on stderr (its error reports). */
  get stderrTail(): string {
    return this.stderr;
  }

  /** The server's process id. */
  get pid(): number {
    return this.child.pid ?? 0;
  }

  private onData(chunk: string): void {
    const text = this.partial + chunk;
    const parts = text.split('\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts);
    this.waiters.splice(0).forEach((w) => w());
  }

  private async nextLine(prefix: string, timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.lines.findIndex((l) => l.startsWith(prefix));
      if (i !== -1) return this.lines.splice(i, 1)[0];
      if (this.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(
          `server ${this.child.spawnargs.join(' ')} gave no "${prefix}" line; stderr: ${this.stderr}`,
        );
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  /** The server's memory after forced GCs (needs `--expose-gc` on the server). */
  async memory(): Promise<ServerMemory> {
    this.child.stdin.write('mem\n');
    return JSON.parse((await this.nextLine('MEM ', 30_000)).slice(4)) as ServerMemory;
  }

  /** Closes the side channel (the server exits) and waits for the exit; a shared server stays. */
  async close(): Promise<void> {
    if (!this.isShared) await this.stop();
  }

  private async stop(): Promise<void> {
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Makes the driver's client of a server listening on `port`, over `connections` sockets. */
export type EndpointFactory = (port: number, connections: number) => Endpoint;

/** The default client: node:http with a keep-alive Agent. */
export const nodeHttpEndpoint: EndpointFactory = (port, connections) =>
  new HttpEndpoint(port, connections);

/**
 * Starts an HTTP server process and a client endpoint with `connections` sockets (made by
 * `endpointOf`, node:http by default), runs `drive`, and always closes both; a failure carries
 * the tail of the server's stderr.
 *
 * @example
 * return withHttpServer(process.execPath, ['rawHttp.cjs', 'json'], 32, (server, endpoint) => measure(server, endpoint));
 */
export async function withHttpServer<T>(
  command: string,
  args: string[],
  connections: number,
  drive: (server: HttpServerProcess, endpoint: Endpoint) => Promise<T>,
  endpointOf: EndpointFactory = nodeHttpEndpoint,
): Promise<T> {
  const server = await HttpServerProcess.start(command, args);
  const endpoint = endpointOf(server.port, connections);
  try {
    return await drive(server, endpoint);
  } catch (error) {
    const stderr = server.stderrTail.trim();
    throw stderr
      ? new Error(
          `${error instanceof Error ? error.message : String(error)}\nserver stderr: ${stderr}`,
        )
      : error;
  } finally {
    await endpoint.close();
    await server.close();
  }
}
