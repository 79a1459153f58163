/**
 * What the Streamable HTTP endpoint must answer to one fuzzed POST, read from the transport
 * specs of both eras and docs/transports.md: 415/406 for content negotiation, 400 -32700/-32600
 * for bodies that are not one JSON-RPC message, the 2026-07-28 checks (404 for `initialize`, 400
 * -32602 for `_meta`, 400 -32020 for headers that disagree with the body, 400 -32022), 400/404
 * for legacy traffic without a live session, 202 for notifications and responses in one, and a
 * 200 carrying the answer the message itself calls for (`fuzzOracle.ts`).
 */
import { decodeHeaderValue } from '@typemcp/hono';
import { META_CAPS, META_VERSION } from './fuzzMessages';
import { expectationOf } from './fuzzOracle';
import type { Expectation } from './fuzzOracle';

/** What a response may be. */
export interface HttpExpectation {
  /** Allowed statuses. */
  statuses: readonly number[];
  /** Allowed JSON-RPC error codes of a refusal (status ≥ 400); `undefined`: any well-formed one. */
  codes?: readonly number[];
  /** For a 200: the JSON-RPC answer it must carry. */
  answer?: Expectation;
  /** A 200 opens a session (a legacy `initialize`). */
  opensSession?: boolean;
  /** The reply is an endless stream: the client cuts it after its first bytes. */
  endless?: boolean;
}

const LEGACY_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'];
const NAMED: Record<string, string> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
};
const TASK_NAMED = new Set(['tasks/get', 'tasks/update', 'tasks/cancel']);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const refuse = (status: number, code: number): HttpExpectation => ({
  statuses: [status],
  codes: [code],
});

/** Whether `Accept` lists `type` the way the engine reads it. */
function accepts(accept: string | undefined, type: string): boolean {
  if (accept === undefined) return false;
  return (
    accept.includes(type) || accept.includes('*/*') || accept.includes(`${type.split('/')[0]}/*`)
  );
}

/**
 * The expectation of a POST to the endpoint with these (lower-case) headers and body text;
 * `liveSession`: the `Mcp-Session-Id` names a live legacy session.
 */
export function expectPost(
  headers: Record<string, string>,
  text: string,
  liveSession: boolean,
): HttpExpectation {
  if (!/^application\/json\s*(;|$)/i.test(headers['content-type'] ?? ''))
    return refuse(415, -32600);
  if (!accepts(headers.accept, 'application/json') || !accepts(headers.accept, 'text/event-stream'))
    return refuse(406, -32600);
  const body = expectationOf(text, 'legacy');
  // a malformed response from the client may pass the decoder as a response (then handled as one)
  if (body.kind === 'idless' && body.optional)
    return { statuses: [400, 404, 202], codes: [-32600] };
  if (body.kind === 'idless' || body.kind === 'invalid')
    return refuse(400, body.kind === 'idless' ? body.code : -32600);
  const message = JSON.parse(text) as Record<string, unknown>;
  const params = 'method' in message && isObject(message.params) ? message.params : {};
  const meta = params._meta;
  const version = headers['mcp-protocol-version'];
  const modern =
    (isObject(meta) && META_VERSION in meta) ||
    (version !== undefined && !LEGACY_VERSIONS.includes(version));
  if (modern && !('method' in message)) return refuse(400, -32600); // clients POST requests and notifications only
  if (modern) return modernPost(headers, message, params, text);
  if (message.method === 'initialize' && 'id' in message) {
    const ok = typeof params.protocolVersion === 'string';
    return { statuses: ok ? [200] : [400], codes: [-32602, -32600], opensSession: ok };
  }
  const session = headers['mcp-session-id'];
  if (session === undefined) return refuse(400, -32600);
  if (!liveSession) return refuse(404, -32600);
  if (!('method' in message) || !('id' in message)) return { statuses: [202] };
  return { statuses: [200], answer: body };
}

/** A 2026-07-28 POST: its checks in the engine's order, then the dispatcher's answer. */
function modernPost(
  headers: Record<string, string>,
  message: Record<string, unknown>,
  params: Record<string, unknown>,
  text: string,
): HttpExpectation {
  if (!('id' in message)) return { statuses: [202] };
  const method = message.method as string;
  if (method === 'initialize') return refuse(404, -32601);
  const meta = params._meta;
  if (!isObject(meta) || !(META_VERSION in meta) || !(META_CAPS in meta))
    return refuse(400, -32602);
  if (headerMismatch(headers, method, params, meta[META_VERSION])) return refuse(400, -32020);
  const answer = expectationOf(text, 'fresh');
  if (answer.kind !== 'answer')
    throw new Error(`a modern request expects an answer: ${text.slice(0, 200)}`);
  if (answer.listen) return { statuses: [200], endless: true };
  const statuses = new Set<number>();
  if (answer.result) statuses.add(200);
  for (const code of answer.codes) {
    if (code === -32601) statuses.add(404);
    else if (code === -32020 || code === -32021 || code === -32022) statuses.add(400);
    else if (code === -32602)
      statuses.add(400).add(200); // from the _meta checks, or from a handler
    else statuses.add(200);
  }
  return { statuses: [...statuses], codes: answer.codes, answer };
}

/** True when the 2026-07-28 headers disagree with the body (-32020). */
function headerMismatch(
  headers: Record<string, string>,
  method: string,
  params: Record<string, unknown>,
  metaVersion: unknown,
): boolean {
  if (
    headers['mcp-protocol-version'] === undefined ||
    headers['mcp-protocol-version'] !== metaVersion
  )
    return true;
  if (headers['mcp-method'] !== method) return true;
  const given = headers['mcp-name'];
  if (TASK_NAMED.has(method))
    return given !== undefined && decodeHeaderValue(given) !== params.taskId;
  const field = NAMED[method];
  if (!field) return false;
  if (given === undefined) return true;
  const decoded = decodeHeaderValue(given);
  return decoded === undefined || decoded !== params[field];
}
