import type { JSONRPCMessage } from '@typemcp/protocol';

/**
 * Server-to-client request ids carry the node that sent them (`<node>:<id>`), so the client's
 * answer, whichever node receives it, reaches the node waiting for it. The client only ever
 * echoes the id back.
 *
 * @example
 * tagOutgoing({ jsonrpc: '2.0', id: 3, method: 'elicitation/create' }, 'a1'); // id 'a1:3'
 */
export function tagOutgoing(message: JSONRPCMessage, nodeId: string): JSONRPCMessage {
  if (!('method' in message)) return message;
  if ('id' in message) return { ...message, id: `${nodeId}:${String(message.id)}` };
  if (
    message.method === 'notifications/cancelled' &&
    typeof message.params?.requestId === 'number'
  ) {
    return {
      ...message,
      params: { ...message.params, requestId: `${nodeId}:${message.params.requestId}` },
    };
  }
  return message;
}

/**
 * The node an answer is for, and the answer with the id its sender gave it; no node for an id
 * this scheme did not make.
 *
 * @example
 * untagIncoming({ jsonrpc: '2.0', id: 'a1:3', result: {} }); // { node: 'a1', message: { ..., id: 3 } }
 */
export function untagIncoming(message: JSONRPCMessage): { node?: string; message: JSONRPCMessage } {
  const id = (message as { id?: unknown }).id;
  if (typeof id !== 'string') return { message };
  const colon = id.indexOf(':');
  const seq = Number(id.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(seq)) return { message };
  return { node: id.slice(0, colon), message: { ...message, id: seq } as JSONRPCMessage };
}
