// The physical limit: a hand-written newline-delimited JSON-RPC responder, no SDK, no validation.
// `--tools N` serves N tools in tools/list (the list is built once).
const toolsFlag = process.argv.indexOf('--tools');
const toolCount = toolsFlag === -1 ? 2 : Number(process.argv[toolsFlag + 1]);
const numbers = {
  type: 'object',
  properties: { a: { type: 'number' }, b: { type: 'number' } },
  required: ['a', 'b'],
};
const tools = [
  { name: 'add', description: 'Add two numbers', inputSchema: numbers },
  {
    name: 'echo',
    description: 'Echo text',
    inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
  },
];
for (let i = 0; tools.length < toolCount; i++)
  tools.push({
    name: `tool_${i}`,
    description: `Adds two numbers (tool ${i})`,
    inputSchema: numbers,
  });

function answer(line) {
  const m = JSON.parse(line);
  if (m.id === undefined) return;
  let result;
  if (m.method === 'initialize') {
    result = {
      protocolVersion: m.params.protocolVersion,
      capabilities: { tools: {} },
      serverInfo: { name: 'raw', version: '1' },
    };
  } else if (m.method === 'tools/call') {
    const a = m.params.arguments;
    result = {
      content: [{ type: 'text', text: m.params.name === 'echo' ? a.text : String(a.a + a.b) }],
    };
  } else if (m.method === 'tools/list') {
    result = { tools };
  } else result = {};
  process.stdout.write(JSON.stringify({ jsonrpc: '2.0', id: m.id, result }) + '\n');
}

// newlines are searched for in the new chunk only, so a 1 MB line costs linear time
let parts = [];
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  let start = 0;
  let i;
  while ((i = chunk.indexOf('\n', start)) !== -1) {
    parts.push(chunk.slice(start, i));
    const line = parts.length === 1 ? parts[0] : parts.join('');
    parts = [];
    start = i + 1;
    if (line) answer(line);
  }
  if (start < chunk.length) parts.push(chunk.slice(start));
});
process.stdin.on('end', () => process.exit(0));
