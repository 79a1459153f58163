// The benchmark tools served over HTTP with the official v2 server (@modelcontextprotocol/server):
// createMcpHandler (stateless, 2026-07-28; a factory builds a server per request, as its docs
// show) on @hono/node-server.
const { serve } = require('@hono/node-server');
const { createMcpHandler, McpServer } = require('@modelcontextprotocol/server');
const { registerBenchTools, extraToolsFromArgv } = require('./officialTools.cjs');
const { announce } = require('./sideChannel.cjs');

const extra = extraToolsFromArgv();
const handler = createMcpHandler(() =>
  registerBenchTools(new McpServer({ name: 'bench-official-v2', version: '1.0.0' }), extra),
);
const server = serve(
  { fetch: (request) => handler.fetch(request), port: 0, hostname: '127.0.0.1' },
  (info) => announce(info.port),
);
void server;
