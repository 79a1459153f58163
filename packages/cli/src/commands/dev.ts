import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { cliEntry } from '../cliEntry';
import { CliError, UsageError } from '../errors/CliError';
import { startAndWait, stop } from '../dev/ChildProcess';
import { findInspector } from '../dev/findInspector';
import { freePort } from '../dev/freePort';
import { watchSources } from '../dev/watchSources';
import { parseTarget } from '../load/parseTarget';
import { info, printJson, warn } from '../output/log';
import { err } from '../output/style';
import { withSpinner } from '../output/spinner';
import { parsePort } from '../options/parsePort';

/** Options of `typemcp dev`. */
export interface DevCommandOptions {
  port?: string;
  inspectorPort?: string;
  inspector?: string;
  node?: string;
  era: string;
  open?: boolean;
  check: boolean;
  watch: boolean;
  json?: boolean;
  verbose?: boolean;
}

/** Runs `typemcp check` in a child (a fresh process sees the edited source) and prints what it finds. */
function runCheck(file: string): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliEntry(), 'check', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', () => {
      for (const line of output.trim().split('\n').filter(Boolean))
        process.stderr.write(`${err.dim('check')} ${line.replace(/^typemcp (error )?/, '')}\n`);
      resolve();
    });
  });
}

/**
 * `typemcp dev <file>`: checks the server, serves it over Streamable HTTP on 127.0.0.1, starts the
 * MCP Inspector's web UI pointed at it, prints the Inspector's URL, and restarts the server (same
 * URL) when a source file changes.
 */
export async function devCommand(spec: string, options: DevCommandOptions): Promise<void> {
  if (!['auto', 'legacy', 'modern'].includes(options.era))
    throw new UsageError(`--era ${options.era}: pick auto, legacy or modern`);
  const target = parseTarget(spec);
  const inspector = findInspector({
    inspector: options.inspector,
    node: options.node,
    cwd: process.cwd(),
  });
  const port = parsePort(options.port) || (await freePort());
  const inspectorPort = parsePort(options.inspectorPort) ?? 6274;
  if (inspectorPort === 0)
    throw new UsageError('--inspector-port 0: the Inspector needs a fixed port (default 6274)');

  if (options.check) await runCheck(spec);
  const serverLine = (line: string) => process.stderr.write(`${err.dim('server')} ${line}\n`);
  const startServer = () =>
    startAndWait(
      process.execPath,
      [cliEntry(), 'run', spec, '--port', String(port), '--host', '127.0.0.1'],
      { ready: /serving MCP at (http:\/\/\S+)/, onLine: serverLine },
    );
  let server: ChildProcessWithoutNullStreams | undefined = (
    await withSpinner(`starting ${path.basename(target.file)}`, startServer).catch(
      (error: Error) => {
        throw new CliError(
          `the server did not start (${error.message.slice(0, 300)}): fix it, then run typemcp dev again`,
        );
      },
    )
  ).child;
  const serverUrl = `http://127.0.0.1:${port}/mcp`;

  const env = {
    ...process.env,
    CLIENT_PORT: String(inspectorPort),
    HOST: '127.0.0.1',
    MCP_AUTO_OPEN_ENABLED: options.open ? 'true' : 'false',
    MCP_SANDBOX_PORT: String(await freePort()),
  };
  const args = [
    inspector.launcher,
    '--web',
    '--transport',
    'http',
    '--server-url',
    serverUrl,
    '--protocol-era',
    options.era,
  ];
  const started = await withSpinner(`starting the MCP Inspector ${inspector.version}`, () =>
    startAndWait(inspector.node, args, {
      env,
      ready: /up and running at:\s+(\S+)/,
      onLine: options.verbose
        ? (l) => process.stderr.write(`${err.dim('inspector')} ${l}\n`)
        : undefined,
    }),
  ).catch(async (error: Error) => {
    if (server) await stop(server);
    throw new CliError(
      `the MCP Inspector did not start (${error.message.slice(0, 300)}): is port ${inspectorPort} free? pick another with --inspector-port`,
    );
  });
  const inspectorChild = started.child;
  const inspectorUrl = started.match[1] ?? '';

  if (options.json)
    printJson({
      inspectorUrl,
      serverUrl,
      node: inspector.node,
      inspectorVersion: inspector.version,
    });
  info(`MCP Inspector: ${err.bold(err.cyan(inspectorUrl))}`);
  info(
    `server: ${serverUrl} (Streamable HTTP)${options.watch ? `; restarts when sources under ${path.dirname(target.file)} change` : ''}`,
  );

  let restarting = Promise.resolve();
  const stopWatching = options.watch
    ? watchSources(path.dirname(target.file), (file) => {
        restarting = restarting.then(async () => {
          info(`${path.relative(process.cwd(), file)} changed: restarting the server`);
          if (server) await stop(server);
          server = undefined;
          if (options.check) await runCheck(spec);
          try {
            server = (await startServer()).child;
            info('server restarted: reconnect (or reload the page) in the Inspector');
          } catch (error) {
            warn(
              `the server did not restart (${(error as Error).message.slice(0, 300)}): fix it and save again`,
            );
          }
        });
      })
    : () => undefined;

  let closing = false;
  const shutdown = async (code: number) => {
    if (closing) return;
    closing = true;
    stopWatching();
    await restarting;
    await Promise.all([server ? stop(server) : undefined, stop(inspectorChild)]);
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  inspectorChild.once('exit', (code) => {
    if (closing) return;
    warn(`the MCP Inspector exited (${code}); stopping`);
    void shutdown(1);
  });
}
