import { ErrorCode } from '../errors/ErrorCode';
import type { JSONRPCMessage, RequestId } from './messages';
import { validateMessage } from './decodeMessage';

/**
 * One JSON-RPC batch being answered (protocol 2025-03-26, which MUST accept batches): its
 * valid messages are handed on one by one, the responses to its requests are gathered, and
 * once every request is answered they leave together as one array. Invalid members are answered
 * in the array with their error; a batch of notifications and responses only gets no reply.
 *
 * @example
 * const batch = new BatchCollector(parsed, (responses) => write(responses));
 * for (const message of batch.messages) session.receive(message);
 * // in send(): if (batch.take(response)) return;
 */
export class BatchCollector {
  /** The batch's valid messages, in order. */
  readonly messages: JSONRPCMessage[] = [];
  private readonly responses: JSONRPCMessage[] = [];
  private readonly outstanding = new Map<RequestId, number>();
  private remaining = 0;
  private sent = false;

  constructor(
    members: readonly unknown[],
    private readonly flush: (responses: JSONRPCMessage[]) => void,
  ) {
    for (const member of members) {
      const decoded = validateMessage(member);
      if (!decoded.ok) {
        this.responses.push(decoded.response);
        continue;
      }
      const message = decoded.message;
      this.messages.push(message);
      if ('method' in message && 'id' in message && message.id !== undefined) {
        this.outstanding.set(message.id, (this.outstanding.get(message.id) ?? 0) + 1);
        this.remaining++;
      }
    }
  }

  /** True when the batch expects a response with this id. */
  expects(id: RequestId): boolean {
    return (this.outstanding.get(id) ?? 0) > 0;
  }

  /** Keeps `response` for the batch's reply if it answers one of its requests (returns false otherwise). */
  take(response: JSONRPCMessage): boolean {
    if ('method' in response) return false;
    const id = (response as { id?: RequestId }).id;
    if (id === undefined || !this.expects(id)) return false;
    this.outstanding.set(id, (this.outstanding.get(id) as number) - 1);
    this.responses.push(response);
    this.remaining--;
    this.done();
    return true;
  }

  /** Sends the reply if nothing is outstanding (call once after handing the messages on). */
  done(): void {
    if (this.sent || this.remaining > 0) return;
    this.sent = true;
    if (this.responses.length > 0) this.flush(this.responses);
  }

  /** True once the reply has gone (or there was none to send). */
  get finished(): boolean {
    return this.sent;
  }
}

/** The error for a batch where batches are not accepted (every protocol after 2025-03-26). */
export function batchRefused(reason: string): JSONRPCMessage {
  return {
    jsonrpc: '2.0',
    error: { code: ErrorCode.InvalidRequest, message: `Invalid Request: ${reason}` },
  } as JSONRPCMessage;
}
