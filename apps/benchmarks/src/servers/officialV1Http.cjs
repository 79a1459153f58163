// The benchmark tools served over HTTP with the official @modelcontextprotocol/sdk 1.x
// StreamableHTTPServerTransport on node:http, as its docs show. Usage: officialV1Http.cjs MODE
//   sse        sessions (one server + transport per session), replies over SSE (the default)
//   json       sessions, `enableJsonResponse: true`
//   stateless  `sessionIdGenerator: undefined`, a new server + transport for every request
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const {
  StreamableHTTPServerTransport,
} = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { registerBenchTools, extraToolsFromArgv } = require('./officialTools.cjs');
const { announce } = require('./sideChannel.cjs');

const mode = process.argv[2] || 'sse';
const extra = extraToolsFromArgv();
const newServer = () =>
  registerBenchTools(new McpServer({ name: 'bench-official-v1', version: '1.0.0' }), extra);
const transports = new Map();

async function stateful(req, res) {
  const sid = req.headers['mcp-session-id'];
  let transport = sid ? transports.get(sid) : undefined;
  if (sid && !transport) {
    res
      .writeHead(404, { 'content-type': 'application/json' })
      .end('{"jsonrpc":"2.0","error":{"code":-32001,"message":"Session not found"},"id":null}');
    return;
  }
  if (!transport) {
    transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      enableJsonResponse: mode === 'json',
      onsessioninitialized: (id) => transports.set(id, transport),
    });
    transport.onclose = () => transport.sessionId && transports.delete(transport.sessionId);
    await newServer().connect(transport);
  }
  await transport.handleRequest(req, res);
}

async function stateless(req, res) {
  const server = newServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => {
    transport.close();
    server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res);
}

const httpServer = http.createServer((req, res) => {
  (mode === 'stateless' ? stateless : stateful)(req, res).catch((error) => {
    if (!res.headersSent) res.writeHead(500).end(String(error));
  });
});
httpServer.listen(0, '127.0.0.1', () => announce(httpServer.address().port));
