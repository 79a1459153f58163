/**
 * Reading a POST body from Node's stream: a body with a `Content-Length` is taken as soon as that
 * many bytes came (before `'end'`), and only then: a body arriving in pieces, two requests in one
 * write on a kept-alive connection, and a client that leaves mid-body are all answered right,
 * over a real socket to serve().
 */
import { connect } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { Server } from '@typemcp/server';
import { serve } from '@typemcp/hono';
import type { RunningHttpServer } from '@typemcp/hono';
import { readNodeBody } from '../../src/nodeRequest';
import { modernBody, modernHeaders } from '../support/http';

/** A Node request stand-in: a stream with raw headers (what readNodeBody reads). */
function incoming(rawHeaders: string[]): PassThrough & IncomingMessage {
  return Object.assign(new PassThrough(), { rawHeaders }) as unknown as PassThrough &
    IncomingMessage;
}

describe('readNodeBody', () => {
  it('resolves once Content-Length bytes came, without waiting for the end of the stream', async () => {
    const body = incoming(['Content-Length', '11']);
    const text = readNodeBody(body, 1024);
    body.write('hello ');
    body.write('world'); // never ended
    await expect(text).resolves.toBe('hello world');
  });

  it('waits for every byte the header declares', async () => {
    const body = incoming(['content-length', '6']);
    let settled = false;
    const text = readNodeBody(body, 1024).finally(() => (settled = true));
    body.write('abc');
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    body.end('def');
    await expect(text).resolves.toBe('abcdef');
  });

  it('reads to the end when no single length is declared (none, or repeated), or it is 0', async () => {
    const none = incoming([]);
    const repeated = incoming(['Content-Length', '3', 'Content-Length', '3']);
    const empty = incoming(['Content-Length', '0']);
    const all = Promise.all([none, repeated, empty].map((body) => readNodeBody(body, 1024)));
    none.end('{"a":1}');
    repeated.end('abc');
    empty.end();
    await expect(all).resolves.toEqual(['{"a":1}', 'abc', '']);
  });

  it('answers undefined past the limit, and for a client gone mid-body', async () => {
    const big = incoming(['Content-Length', '10']);
    const gone = incoming(['Content-Length', '10']);
    const both = Promise.all([readNodeBody(big, 4), readNodeBody(gone, 1024)]);
    big.write('0123456789');
    gone.write('01234');
    gone.destroy();
    await expect(both).resolves.toEqual([undefined, undefined]);
  });
});

describe('over a socket to serve()', () => {
  let running: RunningHttpServer;
  beforeAll(async () => {
    const server = new Server({ name: 'body', version: '1.0.0', onerror: () => undefined });
    server.setRequestHandler('tools/call', (params) => ({
      content: [{ type: 'text', text: JSON.stringify(params.arguments) }],
    }));
    running = await serve(server, { port: 0, handleSignals: false });
  });
  afterAll(() => running.close());

  /** One raw HTTP/1.1 POST of a modern tools/call echoing `args`. */
  function rawPost(id: number, args: Record<string, unknown>): { head: string; body: string } {
    const body = modernBody('tools/call', { name: 'echo', arguments: args }, id);
    const headers = { ...modernHeaders('tools/call', { 'mcp-name': 'echo' }), host: '127.0.0.1' };
    let head = 'POST /mcp HTTP/1.1\r\n';
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    head += `content-length: ${Buffer.byteLength(body)}\r\n\r\n`;
    return { head, body };
  }

  /** Opens a socket, writes `parts` one after the other, resolves with `count` answers' bodies. */
  function exchange(parts: string[], count: number): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const socket = connect(running.port, '127.0.0.1');
      let received = '';
      const bodies: string[] = [];
      socket.setEncoding('utf8');
      socket.on('error', reject);
      socket.on('data', (chunk: string) => {
        received += chunk;
        for (;;) {
          const end = received.indexOf('\r\n\r\n');
          const length = /content-length: (\d+)/i.exec(received.slice(0, end));
          if (end < 0 || !length || received.length < end + 4 + Number(length[1])) break;
          bodies.push(received.slice(end + 4, end + 4 + Number(length[1])));
          received = received.slice(end + 4 + Number(length[1]));
        }
        if (bodies.length === count) {
          socket.end();
          resolve(bodies);
        }
      });
      socket.on('connect', async () => {
        for (const part of parts) {
          socket.write(part);
          await new Promise((next) => setImmediate(next)); // separate writes, often separate reads
        }
      });
    });
  }

  const echoed = (answer: string) =>
    JSON.parse(
      (JSON.parse(answer) as { result: { content: [{ text: string }] } }).result.content[0].text,
    );

  it('answers a body that arrives in pieces', async () => {
    const { head, body } = rawPost(1, { text: 'x'.repeat(3000) });
    const [answer] = await exchange(
      [head, body.slice(0, 10), body.slice(10, 2000), body.slice(2000)],
      1,
    );
    expect(echoed(answer as string)).toEqual({ text: 'x'.repeat(3000) });
  });

  it('keeps two requests written at once on a kept-alive connection apart', async () => {
    const first = rawPost(1, { n: 1 });
    const second = rawPost(2, { n: 2 });
    const answers = await exchange([first.head + first.body + second.head + second.body], 2);
    expect(answers.map(echoed)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('keeps serving after a client left mid-body', async () => {
    const { head, body } = rawPost(1, { n: 1 });
    await new Promise<void>((resolve) => {
      const socket = connect(running.port, '127.0.0.1', () => {
        socket.end(head + body.slice(0, 5));
      });
      socket.resume(); // read Node's 400 to the end, so the socket closes
      socket.on('close', () => resolve());
      socket.on('error', () => undefined);
    });
    const next = rawPost(2, { n: 2 });
    const [answer] = await exchange([next.head + next.body], 1);
    expect(echoed(answer as string)).toEqual({ n: 2 });
  });
});
