// The benchmark tools for the official SDKs (1.x and v2 share the registerTool API), written as
// their docs show: zod shapes. `extraTools` more tools make a long tools/list (tool_0, tool_1, …).
const { z } = require('zod');

/** Registers add, echo and `extraTools` more tools on an official McpServer; returns the server. */
function registerBenchTools(server, extraTools = 0) {
  const add = async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] });
  server.registerTool(
    'add',
    { description: 'Add two numbers', inputSchema: { a: z.number(), b: z.number() } },
    add,
  );
  server.registerTool(
    'echo',
    { description: 'Echo text', inputSchema: { text: z.string() } },
    async ({ text }) => ({
      content: [{ type: 'text', text }],
    }),
  );
  for (let i = 0; i < extraTools; i++) {
    server.registerTool(
      `tool_${i}`,
      {
        description: `Adds two numbers (tool ${i})`,
        inputSchema: { a: z.number(), b: z.number() },
      },
      add,
    );
  }
  return server;
}

/** `--tools N` on the command line: how many tools to serve in all (default 2: add and echo). */
function extraToolsFromArgv(argv = process.argv) {
  const i = argv.indexOf('--tools');
  return i === -1 ? 0 : Math.max(0, Number(argv[i + 1]) - 2);
}

module.exports = { registerBenchTools, extraToolsFromArgv };
