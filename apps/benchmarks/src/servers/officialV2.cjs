// The benchmark tools served over stdio with the official v2 server (@modelcontextprotocol/server),
// as its docs show: serveStdio with a factory (one instance per connection).
const { McpServer } = require('@modelcontextprotocol/server');
const { serveStdio } = require('@modelcontextprotocol/server/stdio');
const { registerBenchTools, extraToolsFromArgv } = require('./officialTools.cjs');

const extra = extraToolsFromArgv();
serveStdio(() =>
  registerBenchTools(new McpServer({ name: 'bench-official-v2', version: '1.0.0' }), extra),
);
