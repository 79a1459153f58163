/**
 * What an MCP server must answer to one fuzz input, read from the JSON-RPC 2.0 and MCP specs
 * (independently of the server's own decoder): the error class when it is determinable
 * (-32700 parse, -32600 invalid request, -32601 unknown method, -32602 bad params, -32022
 * unsupported version), "a result or one of these codes" when the outcome depends on the
 * handler, or nothing at all for notifications and responses.
 */
import { META_CAPS, META_LOG_LEVEL, META_VERSION, SPEC_METHODS } from './fuzzMessages';
import type { FuzzInput } from './fuzzMessages';

/** The state of the connection a message arrives on. */
export type ConnectionState = 'legacy' | 'fresh';

/** What one message must get back. */
export type Expectation =
  | { kind: 'none' }
  /**
   * an error response without id (parse error, or an id that could not be read); `optional`: a
   * malformed response (JSON-RPC leaves open whether a peer complains about one)
   */
  | { kind: 'idless'; code: number; optional?: boolean }
  /** -32600, carrying `id` (or no id at all) */
  | { kind: 'invalid'; id: string | number }
  /**
   * a response with `id`: a result (when `result`; `'isError'`: only a tool result flagged
   * isError, how tools report invalid arguments) or an error with one of `codes`
   */
  | {
      kind: 'answer';
      id: string | number;
      result: boolean | 'isError';
      codes: readonly number[];
      listen?: boolean;
    };

const LEGACY_ONLY = new Set([
  'initialize',
  'ping',
  'logging/setLevel',
  'resources/subscribe',
  'resources/unsubscribe',
  'tasks/result',
  'tasks/list',
]);
const MODERN_ONLY = new Set(['server/discover', 'subscriptions/listen']);
const LEVELS = new Set([
  'debug',
  'info',
  'notice',
  'warning',
  'error',
  'critical',
  'alert',
  'emergency',
]);
const TOOLS = new Set(['add', 'echo', 'order', 'sleep', 'ticks', 'held']);
/** Codes a spec method the fixture may or may not serve can answer with, besides a result. */
const HANDLER_CODES = [-32601, -32602, -32002, -32021];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string | number =>
  typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v));
const answer = (
  id: string | number,
  result: boolean | 'isError',
  codes: readonly number[] = [],
): Expectation => ({ kind: 'answer', id, result, codes });

/** What the line (or body) `text` must get back on a connection in `state`. */
export function expectationOf(text: string, state: ConnectionState): Expectation {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'idless', code: -32700 };
  }
  if (!isObject(value)) return { kind: 'idless', code: -32600 }; // batches, scalars, null
  const m = value;
  const bad = (): Expectation =>
    isId(m.id) ? { kind: 'invalid', id: m.id } : { kind: 'idless', code: -32600 };
  if (m.jsonrpc !== '2.0') return bad();
  if ('method' in m) {
    if (typeof m.method !== 'string') return bad();
    if ('id' in m && !isId(m.id)) return { kind: 'idless', code: -32600 };
    if ('params' in m && !isObject(m.params)) return bad();
    if (!('id' in m)) return { kind: 'none' };
    return requestExpectation(
      m.id as string | number,
      m.method,
      (m.params ?? {}) as Record<string, unknown>,
      state,
    );
  }
  if ('result' in m || 'error' in m) {
    // a response from the client: never answered, except perhaps with -32600 when malformed
    const malformed: Expectation = { kind: 'idless', code: -32600, optional: true };
    if ('result' in m && 'error' in m) return malformed;
    if ('result' in m) return isId(m.id) && isObject(m.result) ? { kind: 'none' } : malformed;
    const e = m.error;
    if (!isObject(e) || typeof e.code !== 'number' || typeof e.message !== 'string')
      return malformed;
    if ('id' in m && m.id !== null && !isId(m.id)) return malformed;
    return { kind: 'none' };
  }
  return bad();
}

/** A well-formed request: which answer its era, method and params call for. */
function requestExpectation(
  id: string | number,
  method: string,
  params: Record<string, unknown>,
  state: ConnectionState,
): Expectation {
  const meta = params._meta;
  const modern =
    typeof meta === 'object' && meta !== null && META_VERSION in meta && method !== 'initialize';
  if (method === 'initialize') return answer(id, false, [-32600]); // fresh connections never get one
  if (modern) return modernExpectation(id, method, params, meta as Record<string, unknown>);
  if (state === 'fresh') return method === 'ping' ? answer(id, true) : answer(id, false, [-32602]);
  if (method === 'ping') return answer(id, true);
  if (method === 'logging/setLevel')
    return LEVELS.has(params.level as string) ? answer(id, true) : answer(id, false, [-32602]);
  if (MODERN_ONLY.has(method) || !SPEC_METHODS.includes(method)) return answer(id, false, [-32601]);
  return handlerExpectation(id, method, params, 'legacy');
}

function modernExpectation(
  id: string | number,
  method: string,
  params: Record<string, unknown>,
  meta: Record<string, unknown>,
): Expectation {
  const version = meta[META_VERSION];
  if (typeof version !== 'string') return answer(id, false, [-32602]);
  if (version !== '2026-07-28') return answer(id, false, [-32022]);
  if (!isObject(meta[META_CAPS])) return answer(id, false, [-32602]);
  const level = meta[META_LOG_LEVEL];
  if (level !== undefined && !LEVELS.has(level as string)) return answer(id, false, [-32602]);
  if (LEGACY_ONLY.has(method) || !SPEC_METHODS.includes(method)) return answer(id, false, [-32601]);
  if (method === 'server/discover') return answer(id, true);
  if (method === 'subscriptions/listen')
    return { kind: 'answer', id, result: false, codes: [], listen: true };
  return method === 'tools/call' && params.requestState !== undefined
    ? answer(id, false, [-32602])
    : handlerExpectation(id, method, params, 'modern');
}

/** tools/call is checked closely; other methods may answer a result or a handler's error. */
function handlerExpectation(
  id: string | number,
  method: string,
  params: Record<string, unknown>,
  era: 'legacy' | 'modern',
): Expectation {
  if ((method === 'tools/call' || method === 'prompts/get') && typeof params.name !== 'string')
    return answer(id, false, [-32602]);
  if (method === 'tools/call') {
    const name = params.name;
    if (typeof name !== 'string' || !TOOLS.has(name)) return answer(id, false, [-32602]);
    const args = params.arguments ?? {};
    // invalid arguments are a tool execution error (isError), or -32602
    if (!isObject(args)) return answer(id, 'isError', [-32602]);
    if (name === 'add' && (typeof args.a !== 'number' || typeof args.b !== 'number'))
      return answer(id, 'isError', [-32602]);
    if (name === 'echo' && typeof args.text !== 'string') return answer(id, 'isError', [-32602]);
    return answer(id, true, [-32602]);
  }
  if (method === 'resources/read')
    return answer(id, true, [era === 'legacy' ? -32002 : -32602, -32602]);
  return answer(id, true, HANDLER_CODES);
}

/** Makes ids unique across a test run. */
let counter = 0;

/**
 * The text to send for a fuzz input, with a valid id made unique (same kind: a string stays a
 * string with its unicode, a huge integer stays huge) so every answer names one request.
 */
export function wireText(input: FuzzInput, state: ConnectionState): string {
  if ('raw' in input) return input.raw;
  const value = JSON.parse(JSON.stringify(input.value) ?? 'null') as unknown;
  if (isObject(value)) {
    if (state === 'fresh' && value.method === 'initialize') value.method = 'initialize/not';
    if (isId(value.id)) value.id = uniqueId(value.id);
    if (value.method === 'notifications/cancelled' && isObject(value.params))
      value.params.requestId = `never-sent-${counter++}`;
  }
  return JSON.stringify(value);
}

function uniqueId(id: string | number): string | number {
  const n = ++counter;
  if (typeof id === 'string') return `${id}#${n}`;
  const sign = id < 0 || Object.is(id, -0) ? -1 : 1;
  const size = Math.abs(id);
  if (size < 2 ** 31) return sign * n;
  if (size <= 2 ** 53) return sign * (2 ** 52 + n);
  if (size < 1e100) return sign * (2 ** 60 + n * 256);
  return sign * 1e290 * n;
}
