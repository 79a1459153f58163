/**
 * fast-check arbitraries of HTTP requests to an MCP server, each built into a raw request and
 * what it must get back: 2026-07-28 POSTs with headers derived from the body (sometimes
 * corrupted), POSTs in live and ended legacy sessions, GET/DELETE/other methods on the endpoint,
 * HTTP+SSE traffic, and junk (any method, path and headers, foreign Origin and Host included).
 */
import fc from 'fast-check';
import type { RawRequest } from './HttpPeer';
import { anyInput, MODERN_META } from './fuzzMessages';
import type { FuzzInput } from './fuzzMessages';
import { expectationOf, wireText } from './fuzzOracle';
import { expectPost } from './httpOracle';
import type { HttpExpectation } from './httpOracle';

/** The live state the cases are built against. */
export interface HttpFuzzContext {
  /** Live legacy sessions. */
  sessions: Array<{ id: string; version: string }>;
  /** Session ids that ended (DELETE). */
  ended: string[];
  /** POST paths of live HTTP+SSE sessions. */
  sseEndpoints: string[];
}

/** One request and what it must get back (`undefined`: only the invariants every answer keeps). */
export interface HttpCase {
  request: RawRequest;
  expect?: HttpExpectation;
}

const BOTH = 'application/json, text/event-stream';
const contentType = fc.oneof(
  { weight: 20, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'text/plain',
      'application/jsonx',
      '',
    ),
  },
);
const accept = fc.oneof(
  { weight: 20, arbitrary: fc.constant(BOTH) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '*/*',
      'application/json, text/*',
      'application/json',
      'text/event-stream',
      'text/html',
      '',
    ),
  },
);
const fault = fc.oneof(
  { weight: 12, arbitrary: fc.constant('none') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'noVersion',
      'badVersion',
      'legacyVersion',
      'noMethod',
      'badMethod',
      'noName',
      'badName',
    ),
  },
);
const method = fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS', 'HEAD');

type Spec =
  | {
      kind: 'modern';
      input: FuzzInput;
      withMeta: boolean;
      fault: string;
      type: string;
      accept: string;
    }
  | {
      kind: 'session';
      input: FuzzInput;
      pick: number;
      version: 'session' | 'none' | 'other';
      live: boolean;
      type: string;
      accept: string;
    }
  | {
      kind: 'stream';
      method: string;
      session: 'none' | 'nope' | 'live';
      pick: number;
      accept: string;
      version: 'none' | 'session' | 'bad';
      lastEventId: string;
    }
  | {
      kind: 'sse';
      input: FuzzInput;
      session: 'none' | 'nope' | 'live';
      pick: number;
      type: string;
      get: boolean;
      accept: string;
    }
  | {
      kind: 'junk';
      method: string;
      path: string;
      headers: Record<string, string>;
      input: FuzzInput | null;
    };

const spec: fc.Arbitrary<Spec> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('modern' as const),
      input: anyInput,
      withMeta: fc.oneof(
        { weight: 2, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      fault,
      type: contentType,
      accept,
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('session' as const),
      input: anyInput,
      pick: fc.nat(),
      version: fc.constantFrom('session' as const, 'none' as const, 'other' as const),
      live: fc.oneof(
        { weight: 9, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      type: contentType,
      accept,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('stream' as const),
      method,
      session: fc.constantFrom('none' as const, 'nope' as const, 'live' as const),
      pick: fc.nat(),
      accept: fc.constantFrom('text/event-stream', BOTH, 'application/json', ''),
      version: fc.constantFrom('none' as const, 'session' as const, 'bad' as const),
      lastEventId: fc.constantFrom('', 'x_1', 'nope'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('sse' as const),
      input: anyInput,
      session: fc.constantFrom('none' as const, 'nope' as const, 'live' as const),
      pick: fc.nat(),
      type: contentType,
      get: fc.boolean(),
      accept: fc.constantFrom('text/event-stream', 'application/json'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('junk' as const),
      method,
      path: fc.constantFrom(
        '/mcp',
        '/sse',
        '/messages',
        '/messages?sessionId=nope',
        '/nope',
        '/mcp/',
        '/MCP',
        '/mcp?x=1',
        '/',
        '/sse/x',
      ),
      headers: fc.record(
        {
          'content-type': contentType,
          accept,
          origin: fc.constantFrom(
            'http://localhost:9',
            'https://evil.example',
            'null',
            'http://127.0.0.1',
          ),
          host: fc.constantFrom('evil.example', 'localhost', '[::1]:80'),
          'mcp-session-id': fc.constantFrom('nope', '', 'a'.repeat(300)),
          'mcp-protocol-version': fc.constantFrom(
            '2026-07-28',
            '2025-11-25',
            '2025-03-26',
            '1999-01-01',
            'x',
          ),
          'mcp-method': fc.constantFrom('tools/call', 'ping', ''),
          'mcp-name': fc.constantFrom('add', '=?base64?YWRk?=', '=?base64?!?='),
          'last-event-id': fc.constantFrom('x_1', ''),
        },
        { requiredKeys: [] },
      ),
      input: fc.option(anyInput, { freq: 3 }),
    }),
  },
);

/** `size` specs, reported by fast-check as their count. */
export function httpBatchOf(size: number): fc.Arbitrary<Spec[]> {
  return fc
    .array(spec, { minLength: size, maxLength: size })
    .map((specs) =>
      Object.assign(specs, { [fc.toStringMethod]: () => `[${specs.length} requests]` }),
    );
}

/** A value an HTTP header can carry unchanged (visible ASCII, no surrounding space). */
const headerSafe = (value: string) => /^([\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?)?$/.test(value);

/** The 2026-07-28 headers a client derives from a body, then `fault` applied. */
function modernHeaders(text: string, fault: string): Record<string, string> {
  let message: Record<string, any> = {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      message = parsed as Record<string, any>;
  } catch {
    // not JSON: headers of a tools/list
  }
  const params =
    typeof message.params === 'object' && message.params !== null ? message.params : {};
  const version = params._meta?.['io.modelcontextprotocol/protocolVersion'];
  const headers: Record<string, string> = {
    'mcp-protocol-version':
      typeof version === 'string' && headerSafe(version) ? version : '2026-07-28',
    'mcp-method':
      typeof message.method === 'string' && headerSafe(message.method)
        ? message.method
        : 'tools/list',
  };
  const name = params.name ?? params.uri;
  if (typeof name === 'string')
    headers['mcp-name'] = headerSafe(name)
      ? name
      : `=?base64?${Buffer.from(name, 'utf8').toString('base64')}?=`;
  if (fault === 'noVersion') delete headers['mcp-protocol-version'];
  if (fault === 'badVersion') headers['mcp-protocol-version'] = '2030-01-01';
  if (fault === 'legacyVersion') headers['mcp-protocol-version'] = '2025-11-25';
  if (fault === 'noMethod') delete headers['mcp-method'];
  if (fault === 'badMethod') headers['mcp-method'] = 'tools/lis';
  if (fault === 'noName') delete headers['mcp-name'];
  if (fault === 'badName') headers['mcp-name'] = 'zz';
  return headers;
}

/** The body with a valid 2026-07-28 `_meta` (kept when it has one): a request a modern client sends. */
function withModernMeta(text: string): string {
  try {
    const message = JSON.parse(text) as Record<string, any>;
    if (
      typeof message !== 'object' ||
      message === null ||
      Array.isArray(message) ||
      typeof message.method !== 'string'
    )
      return text;
    if (
      message.params !== undefined &&
      (typeof message.params !== 'object' ||
        message.params === null ||
        Array.isArray(message.params))
    )
      return text;
    const meta = message.params?._meta;
    const modern =
      typeof meta === 'object' &&
      meta !== null &&
      'io.modelcontextprotocol/protocolVersion' in meta;
    return JSON.stringify({
      ...message,
      params: { ...message.params, _meta: modern ? meta : MODERN_META },
    });
  } catch {
    return text;
  }
}

function withNegotiation(
  headers: Record<string, string>,
  type: string,
  acceptValue: string,
): Record<string, string> {
  const out = { ...headers };
  if (type !== '') out['content-type'] = type;
  if (acceptValue !== '') out.accept = acceptValue;
  return out;
}

/** Builds a spec into a request and its expectation against the live state. */
export function buildCase(s: Spec, ctx: HttpFuzzContext): HttpCase {
  const pick = <T>(list: T[], n: number) => list[n % list.length];
  switch (s.kind) {
    case 'modern': {
      const body = s.withMeta
        ? withModernMeta(wireText(s.input, 'legacy'))
        : wireText(s.input, 'legacy');
      const headers = withNegotiation(modernHeaders(body, s.fault), s.type, s.accept);
      const expect = expectPost(headers, body, false);
      return {
        request: { method: 'POST', path: '/mcp', headers, body, cut: expect.endless },
        expect,
      };
    }
    case 'session': {
      const session = pick(ctx.sessions, s.pick);
      const id = s.live ? session.id : pick(ctx.ended, s.pick);
      const headers = withNegotiation({ 'mcp-session-id': id }, s.type, s.accept);
      if (s.version === 'session') headers['mcp-protocol-version'] = session.version;
      if (s.version === 'other') headers['mcp-protocol-version'] = '2025-06-18';
      const body = wireText(s.input, 'legacy');
      const expect = expectPost(headers, body, s.live);
      return {
        request: { method: 'POST', path: '/mcp', headers, body, cut: expect.endless },
        expect,
      };
    }
    case 'stream':
      return streamCase(s, ctx);
    case 'sse':
      return sseCase(s, ctx);
    case 'junk': {
      const headers = { ...s.headers };
      const known = ['/mcp', '/sse', '/messages'].includes(s.path.split('?')[0]);
      const foreign =
        headers.origin === 'https://evil.example' ||
        headers.origin === 'null' ||
        headers.host === 'evil.example';
      const expect: HttpExpectation | undefined = !known
        ? { statuses: [404], codes: [-32601] }
        : foreign
          ? { statuses: [403], codes: [-32600] }
          : undefined;
      const body =
        s.input && !['GET', 'HEAD'].includes(s.method) ? wireText(s.input, 'legacy') : undefined;
      return { request: { method: s.method, path: s.path, headers, body, cut: true }, expect };
    }
  }
}

function streamCase(s: Extract<Spec, { kind: 'stream' }>, ctx: HttpFuzzContext): HttpCase {
  const session =
    s.session === 'live' && s.method !== 'DELETE'
      ? ctx.sessions[s.pick % ctx.sessions.length]
      : undefined;
  const headers: Record<string, string> = {};
  if (s.accept !== '') headers.accept = s.accept;
  if (s.session === 'nope' || (s.session === 'live' && !session))
    headers['mcp-session-id'] = 'nope';
  if (session) headers['mcp-session-id'] = session.id;
  if (s.version === 'session' && session) headers['mcp-protocol-version'] = session.version;
  if (s.version === 'bad') headers['mcp-protocol-version'] = '1999-01-01';
  if (s.lastEventId !== '') headers['last-event-id'] = s.lastEventId;
  const request: RawRequest = { method: s.method, path: '/mcp', headers, cut: true };
  if (s.method !== 'GET' && s.method !== 'DELETE' && s.method !== 'POST')
    return { request, expect: { statuses: [405], codes: [-32600] } };
  if (s.method === 'POST') return { request: { ...request, body: '{}' }, expect: undefined };
  if (s.method === 'GET' && !s.accept.includes('text/event-stream'))
    return { request, expect: { statuses: [406], codes: [-32600] } };
  if (!headers['mcp-session-id']) return { request, expect: { statuses: [400], codes: [-32600] } };
  if (!session) return { request, expect: { statuses: [404], codes: [-32600] } };
  if (s.version === 'bad') return { request, expect: { statuses: [400], codes: [-32600] } };
  return { request, expect: { statuses: [200, 409], codes: [-32600] } }; // 409: another GET stream of the session is still open
}

function sseCase(s: Extract<Spec, { kind: 'sse' }>, ctx: HttpFuzzContext): HttpCase {
  if (s.get) {
    const request: RawRequest = {
      method: 'GET',
      path: '/sse',
      headers: { accept: s.accept },
      cut: true,
    };
    return {
      request,
      expect:
        s.accept === 'text/event-stream'
          ? { statuses: [200] }
          : { statuses: [406], codes: [-32600] },
    };
  }
  const path =
    s.session === 'none'
      ? '/messages'
      : s.session === 'nope'
        ? '/messages?sessionId=nope'
        : ctx.sseEndpoints[s.pick % ctx.sseEndpoints.length];
  const body = wireText(s.input, 'legacy');
  const headers = withNegotiation({}, s.type, '');
  const request: RawRequest = { method: 'POST', path, headers, body };
  if (s.session === 'none') return { request, expect: { statuses: [400], codes: [-32600] } };
  if (s.session === 'nope') return { request, expect: { statuses: [404], codes: [-32600] } };
  if (!/^application\/json\s*(;|$)/i.test(s.type))
    return { request, expect: { statuses: [415], codes: [-32600] } };
  // an accepted message is answered on the session's stream: the POST itself gets 202
  const decoded = expectationOf(body, 'legacy');
  if (decoded.kind === 'idless' && decoded.optional)
    return { request, expect: { statuses: [400, 202], codes: [-32600] } };
  if (decoded.kind === 'idless')
    return { request, expect: { statuses: [400], codes: [decoded.code] } };
  if (decoded.kind === 'invalid') return { request, expect: { statuses: [400], codes: [-32600] } };
  return { request, expect: { statuses: [202] } };
}
