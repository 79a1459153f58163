import type { ClassType, McpApp } from '@typemcp/server';
import { loadServer } from '../load/loadServer';
import { parsePort } from '../options/parsePort';

/** Options of `typemcp run`. */
export interface RunCommandOptions {
  http?: boolean;
  port?: string;
  host?: string;
}

/**
 * `typemcp run <file>[:Export]`: serves the file's server over stdio, or over Streamable HTTP
 * (plus legacy SSE) with `--http`, exactly as `run()` from `@typemcp/server` does.
 */
export async function runCommand(spec: string, options: RunCommandOptions): Promise<void> {
  const port = parsePort(options.port);
  const http = options.http === true || port !== undefined || options.host !== undefined;
  const loaded = await loadServer(spec);
  await loaded.server.run(loaded.candidate.value as ClassType | McpApp, {
    transport: http ? 'http' : 'stdio',
    port,
    host: options.host,
    argv: [],
  });
}
