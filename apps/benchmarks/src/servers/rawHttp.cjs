// The physical limit over HTTP: a hand-written node:http responder, no SDK, no validation beyond
// the session check. Usage: rawHttp.cjs MODE
//   sse        legacy sessions (initialize opens one, Mcp-Session-Id required after), SSE replies
//   json       legacy sessions, JSON replies
//   stateless  every POST answered on its own with a JSON body (2026-07-28 style)
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { announce } = require('./sideChannel.cjs');

const mode = process.argv[2] || 'sse';
const sessions = new Map();

function answer(res, message, headers) {
  const body = JSON.stringify(message);
  if (mode === 'sse') {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      ...headers,
    });
    res.end(`event: message\ndata: ${body}\n\n`);
  } else {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      ...headers,
    });
    res.end(body);
  }
}

function serve(req, res, text) {
  const m = JSON.parse(text);
  if (m.id === undefined) return void res.writeHead(202).end();
  const sid = req.headers['mcp-session-id'];
  if (m.method === 'initialize' && mode !== 'stateless') {
    const id = randomUUID();
    sessions.set(id, {
      protocolVersion: m.params.protocolVersion,
      clientInfo: m.params.clientInfo,
    });
    const result = {
      protocolVersion: m.params.protocolVersion,
      capabilities: { tools: {} },
      serverInfo: { name: 'raw', version: '1' },
    };
    return answer(res, { jsonrpc: '2.0', id: m.id, result }, { 'mcp-session-id': id });
  }
  if (mode !== 'stateless' && !sessions.has(sid)) return void res.writeHead(404).end();
  let result = {};
  if (m.method === 'tools/call') {
    const a = m.params.arguments;
    result = {
      content: [{ type: 'text', text: m.params.name === 'echo' ? a.text : String(a.a + a.b) }],
    };
  }
  answer(res, { jsonrpc: '2.0', id: m.id, result });
}

const server = http.createServer((req, res) => {
  if (req.method === 'DELETE') {
    sessions.delete(req.headers['mcp-session-id']);
    return void res.writeHead(200).end();
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => serve(req, res, Buffer.concat(chunks).toString('utf8')));
});
server.listen(0, '127.0.0.1', () => announce(server.address().port));
