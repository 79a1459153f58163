import { Client, HttpClientTransport, StdioClientTransport } from '@typemcp/client';
import type { ClientMode } from '@typemcp/client';
import { CliError, UsageError } from '../errors/CliError';

/** A connected client and how it got there. */
export interface Connection {
  client: Client;
  /** `stdio`, `streamable-http` or `sse`. */
  transport: string;
  close(): Promise<void>;
}

/** Options of {@link connect}. */
export interface ConnectOptions {
  /** Protocol era: auto (probe, then fall back), legacy or modern. */
  era?: string;
  /** Extra environment variables for a stdio server. */
  env?: Record<string, string>;
  /** Show the stdio server's stderr. */
  verbose?: boolean;
  /** Request timeout in ms. */
  timeoutMs?: number;
}

/** True when the target is one http(s) URL. */
export function isUrl(target: string[]): boolean {
  return target.length === 1 && /^https?:\/\//.test(target[0] ?? '');
}

/**
 * Connects the TypeMCP client to any MCP server: a URL (Streamable HTTP, falling back to legacy
 * HTTP+SSE) or a command started over stdio with this process's environment; either era.
 */
export async function connect(target: string[], options: ConnectOptions = {}): Promise<Connection> {
  const era = options.era ?? 'auto';
  if (era !== 'auto' && era !== 'legacy' && era !== 'modern')
    throw new UsageError(`--era ${era}: pick auto, legacy or modern`);
  const [command, ...args] = target;
  if (command === undefined)
    throw new UsageError('give a server command (after --) or an http(s) URL');
  // A stdio server may take seconds to start (ts-node compiling it): its answer to the era probe
  // is waited for that long, so a slow start is not mistaken for a legacy-only server.
  const probeTimeoutMs = isUrl(target) ? 10_000 : 30_000;
  const client = new Client(
    { name: 'typemcp-cli', version: '0.1.0' },
    { mode: era as ClientMode, requestTimeoutMs: options.timeoutMs ?? 30_000, probeTimeoutMs },
  );
  client.onerror = () => undefined;
  if (isUrl(target)) {
    let url: URL;
    try {
      url = new URL(command);
    } catch {
      throw new UsageError(`${command} is not a valid URL`);
    }
    const transport = new HttpClientTransport(url);
    await connectOrExplain(
      client,
      () => client.connect(transport),
      command,
      'check the URL and that the server is running',
    );
    return { client, transport: transport.kind, close: () => client.close() };
  }
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  const transport = new StdioClientTransport({
    command,
    args,
    env: { ...env, ...options.env },
    stderr: 'pipe',
  });
  if (options.verbose) transport.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  else transport.stderr?.resume();
  await connectOrExplain(
    client,
    () => client.connect(transport),
    target.join(' '),
    'check that the command starts an MCP server on stdio (--verbose shows its stderr)',
  );
  return { client, transport: 'stdio', close: () => client.close() };
}

async function connectOrExplain(
  client: Client,
  attempt: () => Promise<void>,
  what: string,
  fix: string,
): Promise<void> {
  try {
    await attempt();
  } catch (error) {
    await client.close().catch(() => undefined);
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new CliError(`cannot connect to ${what} (${reason}): ${fix}`);
  }
}
