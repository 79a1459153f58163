// The benchmark tools served over stdio with the official @modelcontextprotocol/sdk 1.x, as its docs show.
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { StdioServerTransport } = require('@modelcontextprotocol/sdk/server/stdio.js');
const { registerBenchTools, extraToolsFromArgv } = require('./officialTools.cjs');

const server = registerBenchTools(
  new McpServer({ name: 'bench-official-v1', version: '1.0.0' }),
  extraToolsFromArgv(),
);
server.connect(new StdioServerTransport());
