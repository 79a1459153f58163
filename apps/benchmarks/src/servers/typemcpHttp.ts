/**
 * The benchmark tools written with TypeMCP, served over HTTP with `serve()` from @typemcp/hono.
 * Usage: `typemcpHttp.ts sse|json|stateless`: legacy sessions answered over SSE (the default),
 * legacy sessions answered with JSON bodies (`enableJsonResponse`), or a stateless-only server
 * (2026-07-28 requests; `statelessOnly`).
 */
import { serve } from '@typemcp/hono';
import { benchApp, toolCountFromArgv } from './typemcp';

const { announce } = require('./sideChannel.cjs') as { announce: (port: number) => void };

async function main(): Promise<void> {
  const mode = process.argv[2] ?? 'sse';
  const running = await serve(benchApp(toolCountFromArgv()), {
    port: 0,
    handleSignals: false,
    enableJsonResponse: mode === 'json',
    statelessOnly: mode === 'stateless',
  });
  announce(running.port);
}

void main();
