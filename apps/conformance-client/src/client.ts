/**
 * A TypeMCP client for the official conformance suite's client scenarios. The suite runs
 * `<command> <server-url>` with MCP_CONFORMANCE_SCENARIO and MCP_CONFORMANCE_PROTOCOL_VERSION set;
 * this client connects in the era the version implies, lists and calls every tool with arguments
 * made from its input schema, answers elicitation (filling in schema defaults), sampling and
 * roots, then closes.
 */
import { Client, HttpClientTransport } from '@typemcp/client';
import type { ClientMode } from '@typemcp/client';
import type { ElicitRequestFormParams, Tool } from '@typemcp/protocol';
import { conformanceAuthProvider } from './authProvider';
import type { AuthContext } from './authProvider';

/** A value that satisfies a JSON Schema property, for calling tools blind. */
function sample(schema: Record<string, unknown> | undefined): unknown {
  if (!schema) return 'test';
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  switch (schema.type) {
    case 'number':
    case 'integer':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return 'test';
  }
}

function argumentsFor(tool: Tool): Record<string, unknown> {
  const properties = (tool.inputSchema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = new Set(
    (tool.inputSchema.required as string[] | undefined) ?? Object.keys(properties),
  );
  return Object.fromEntries(
    Object.entries(properties)
      .filter(([k]) => required.has(k))
      .map(([k, v]) => [k, sample(v)]),
  );
}

async function main(): Promise<void> {
  const url = process.argv[process.argv.length - 1];
  const version = process.env.MCP_CONFORMANCE_PROTOCOL_VERSION;
  const mode: ClientMode = version === '2026-07-28' ? 'modern' : version ? 'legacy' : 'auto';
  const client = new Client(
    { name: 'typemcp-conformance-client', version: '0.1.0' },
    {
      mode,
      capabilities: { elicitation: { form: {} }, sampling: {}, roots: { listChanged: true } },
    },
  );
  client.setRequestHandler('elicitation/create', (params) => {
    const form = params as ElicitRequestFormParams;
    const content: Record<string, string | number | boolean | string[]> = {};
    for (const [key, prop] of Object.entries(form.requestedSchema?.properties ?? {})) {
      if ('default' in prop && prop.default !== undefined)
        content[key] = prop.default as string | number | boolean | string[];
    }
    return { action: 'accept', content };
  });
  client.setRequestHandler('sampling/createMessage', () => ({
    role: 'assistant',
    content: { type: 'text', text: 'A sampled answer from the conformance client' },
    model: 'conformance-model',
    stopReason: 'endTurn',
  }));
  client.setRequestHandler('roots/list', () => ({ roots: [{ uri: 'file:///tmp', name: 'tmp' }] }));
  const authContext = JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT ?? '{}') as AuthContext;
  await client.connect(
    new HttpClientTransport(new URL(url), { authProvider: conformanceAuthProvider(authContext) }),
  );
  const tools = await client.listAllTools();
  // json-schema-2020-12-preservation: echo a tool's inputSchema back verbatim to show nothing was stripped.
  const focal = tools.find((t) => t.name === 'json_schema_2020_12_tool');
  if (focal && tools.some((t) => t.name === 'json_schema_echo')) {
    await client.callTool({ name: 'json_schema_echo', arguments: { schema: focal.inputSchema } });
    await client.close();
    return;
  }
  // Scenarios that say which calls to make (MCP_CONFORMANCE_CONTEXT.toolCalls) get exactly those.
  const context = JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT ?? '{}') as {
    toolCalls?: Array<{ name: string; arguments: Record<string, unknown> }>;
  };
  if (context.toolCalls) {
    for (const call of context.toolCalls)
      await client.callTool(call).catch((e: Error) => process.stderr.write(`${e.message}\n`));
    await client.close();
    return;
  }
  for (const tool of tools) {
    await client
      .callTool({ name: tool.name, arguments: argumentsFor(tool) })
      .catch((error: Error) => {
        process.stderr.write(`tool ${tool.name} failed: ${error.message}\n`);
      });
  }
  await client.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
