/**
 * Transport.attach: a transport that takes its Session gets no callbacks assigned and delivers to
 * the Session directly; requests, errors, the close and the batch question all go through it.
 */
import { ConnectionClosedError, Session } from '@typemcp/protocol';
import type { JSONRPCMessage, MessageExtra, Transport, TransportReceiver } from '@typemcp/protocol';

class AttachingTransport implements Transport {
  receiver?: TransportReceiver;
  readonly sent: JSONRPCMessage[] = [];
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtra) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  acceptsBatches?: () => boolean;

  attach(receiver: TransportReceiver): void {
    this.receiver = receiver;
  }
  async start(): Promise<void> {}
  async send(message: JSONRPCMessage): Promise<void> {
    this.sent.push(message);
  }
  async close(): Promise<void> {
    this.receiver?.transportClosed();
  }
}

it('a transport with attach gets the Session itself and no callback closures', async () => {
  const transport = new AttachingTransport();
  const errors: Error[] = [];
  const session = new Session(transport, {
    onrequest: (request) => ({ echoed: request.method }),
    onerror: (error) => errors.push(error),
    acceptsBatches: () => true,
  });
  expect(transport.receiver).toBe(session);
  expect(transport.onmessage).toBeUndefined();
  expect(transport.onclose).toBeUndefined();
  expect(transport.onerror).toBeUndefined();

  transport.receiver?.receive({ jsonrpc: '2.0', id: 7, method: 'ping' });
  await new Promise((resolve) => setImmediate(resolve));
  expect(transport.sent).toEqual([{ jsonrpc: '2.0', id: 7, result: { echoed: 'ping' } }]);

  expect(transport.receiver?.acceptsBatches()).toBe(true);
  transport.receiver?.transportError(new Error('a bad frame'));
  expect(errors.map((e) => e.message)).toEqual(['a bad frame']);

  const pending = session.request('tools/list');
  transport.receiver?.transportClosed();
  await expect(pending).rejects.toBeInstanceOf(ConnectionClosedError);
  expect(session.isClosed).toBe(true);
});

it('without acceptsBatches in its options, an attached Session refuses batches', () => {
  const transport = new AttachingTransport();
  new Session(transport);
  expect(transport.receiver?.acceptsBatches()).toBe(false);
});
