/**
 * fast-check arbitraries of what a client may send an MCP server, good or bad: raw lines that
 * are not JSON, JSON that is not JSON-RPC, requests of both eras with odd ids, wrong or missing
 * fields, unknown methods, wrong parameter types, huge strings, unicode and deep nesting.
 * Shared by the stdio and the HTTP fuzzers; what each should get back is `fuzzOracle.ts`.
 */
import fc from 'fast-check';

/** The `_meta` keys of a 2026-07-28 request. */
export const META_VERSION = 'io.modelcontextprotocol/protocolVersion';
export const META_CAPS = 'io.modelcontextprotocol/clientCapabilities';
export const META_LOG_LEVEL = 'io.modelcontextprotocol/logLevel';

/** Every request method of either era of the spec (client → server and server → client). */
export const SPEC_METHODS: readonly string[] = [
  'initialize',
  'ping',
  'server/discover',
  'subscriptions/listen',
  'logging/setLevel',
  'tools/list',
  'tools/call',
  'resources/list',
  'resources/read',
  'resources/templates/list',
  'resources/subscribe',
  'resources/unsubscribe',
  'prompts/list',
  'prompts/get',
  'completion/complete',
  'tasks/get',
  'tasks/list',
  'tasks/cancel',
  'tasks/result',
  'tasks/update',
  'sampling/createMessage',
  'elicitation/create',
  'roots/list',
];

/** A valid 2026-07-28 `_meta`. */
export const MODERN_META = { [META_VERSION]: '2026-07-28', [META_CAPS]: {} };

const LEVELS = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'];

/** Strings of every kind: ASCII, full unicode (lone surrogates included), control characters. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\u2028',
      '😀',
      'é\u0301',
      '\ud800',
      '"\\',
      '</script>',
      'null',
    ),
  },
);

/** Small JSON values of every type (the cheap generator behind most fields). */
export const smallJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 });

/** A value nested `depth` levels deep (arrays or objects). */
export const deep: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 50, max: 3000 }), fc.boolean())
  .map(([depth, arrays]) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
    return value;
  });

/** A string of 16 KiB to 256 KiB. */
export const huge: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 16, max: 256 }), fc.constantFrom('x', 'é', '😀', '\\"'))
  .map(([kib, unit]) => unit.repeat(Math.ceil((kib * 1024) / Buffer.byteLength(unit))));

/** Ids: good ones (small, negative, huge integers, unicode strings) and bad ones (floats, objects, null…). */
export const anyId: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 1000 }) },
  { weight: 2, arbitrary: fc.integer() },
  {
    weight: 2,
    arbitrary: fc.constantFrom(2 ** 53 - 1, 2 ** 53 + 2, 2 ** 60, 1e21, 1e300, -1e300, -0),
  },
  { weight: 4, arbitrary: anyString },
  { weight: 1, arbitrary: fc.constantFrom(0.5, -1.5, 1e-7, Number.MIN_VALUE) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.dictionary(fc.string({ maxLength: 3 }), smallJson, { maxKeys: 2 }),
      fc.array(smallJson, { maxLength: 2 }),
    ),
  },
);

/** Method names: the spec's, unknown ones, notifications' and non-strings. */
export const anyMethod: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...SPEC_METHODS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'nope',
      'tools/nope',
      'TOOLS/LIST',
      'tools/list ',
      'rpc.discover',
      '',
    ),
  },
  { weight: 2, arbitrary: anyString },
  { weight: 1, arbitrary: smallJson },
);

/** `_meta`: valid modern ones, modern ones with a bad field, legacy ones and non-objects. */
export const anyMeta: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(MODERN_META) },
  { weight: 1, arbitrary: fc.constant({ ...MODERN_META, [META_LOG_LEVEL]: 'debug' }) },
  {
    weight: 1,
    arbitrary: fc.record({
      [META_VERSION]: fc.oneof(
        fc.constantFrom('2025-11-25', '2030-01-01', '', '2026-07-28 '),
        smallJson,
      ),
      [META_CAPS]: fc.constant({}),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        [META_VERSION]: fc.constant('2026-07-28'),
        [META_CAPS]: fc.oneof(fc.constant(null), fc.constant([]), fc.string(), fc.integer()),
      },
      { requiredKeys: [META_VERSION] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      [META_VERSION]: fc.constant('2026-07-28'),
      [META_CAPS]: fc.constant({}),
      [META_LOG_LEVEL]: fc.oneof(fc.constantFrom(...LEVELS), anyString, smallJson),
    }),
  },
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.record({ progressToken: fc.oneof(fc.integer(), fc.string()) }) },
  { weight: 1, arbitrary: smallJson },
);

/** Tool arguments: right and wrong types, missing and extra fields, huge and deep values. */
const toolCall = fc.record(
  {
    name: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('add', 'echo', 'order') },
      { weight: 1, arbitrary: fc.constantFrom('nope', 'ADD', '') },
      { weight: 1, arbitrary: smallJson },
    ),
    arguments: fc.oneof(
      {
        weight: 16,
        arbitrary: fc.record(
          {
            a: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 3 }), smallJson),
            b: fc.oneof(fc.integer(), smallJson),
          },
          { requiredKeys: [] },
        ),
      },
      {
        weight: 8,
        arbitrary: fc.record({ text: fc.oneof(anyString, smallJson) }, { requiredKeys: [] }),
      },
      {
        weight: 8,
        arbitrary: fc.record({
          order: fc.oneof(
            fc.record(
              {
                item: fc.oneof(anyString, smallJson),
                quantity: fc.oneof(fc.integer({ min: -5, max: 200 }), smallJson),
              },
              { requiredKeys: [] },
            ),
            smallJson,
          ),
        }),
      },
      { weight: 2, arbitrary: smallJson },
      { weight: 1, arbitrary: fc.record({ text: fc.constantFrom('x'), a: deep }) },
    ),
    requestState: fc.oneof(
      { weight: 9, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: smallJson },
    ),
    _meta: anyMeta,
  },
  { requiredKeys: ['name', '_meta'] },
);

/** Params: per-method shapes, random objects and non-objects. */
export const anyParams: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ _meta: anyMeta }) },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        _meta: anyMeta,
        name: fc.oneof(fc.constantFrom('hello', 'x'), smallJson),
        uri: fc.oneof(fc.constantFrom('item://1', 'item://', 'nope://x'), smallJson),
        arguments: fc.oneof(fc.record({ name: anyString }), smallJson),
        cursor: smallJson,
        level: fc.oneof(fc.constantFrom(...LEVELS), smallJson),
        protocolVersion: smallJson,
        taskId: smallJson,
        notifications: smallJson,
      },
      { requiredKeys: ['_meta'] },
    ),
  },
  { weight: 2, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.array(smallJson, { maxLength: 3 }),
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
    ),
  },
);

/** A request or notification object (any field may be wrong). */
const requestLike: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record(
      {
        jsonrpc: fc.oneof(
          { weight: 20, arbitrary: fc.constant('2.0') },
          { weight: 1, arbitrary: fc.oneof(fc.constantFrom('1.0', '2', '2.0 ', 2), smallJson) },
        ),
        id: anyId,
        method: anyMethod,
        params: anyParams,
      },
      { requiredKeys: ['jsonrpc', 'method', 'id'] },
    ),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      jsonrpc: fc.constant('2.0'),
      id: anyId,
      method: fc.constant('tools/call'),
      params: toolCall,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        jsonrpc: fc.constant('2.0'),
        method: fc.oneof(
          fc.constantFrom(
            'notifications/initialized',
            'notifications/progress',
            'notifications/roots/list_changed',
            'notifications/cancelled',
            'notifications/nope',
          ),
          anyMethod,
        ),
        params: anyParams,
      },
      { requiredKeys: ['jsonrpc', 'method'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        jsonrpc: fc.constant('2.0'),
        id: anyId,
        method: anyMethod,
        params: anyParams,
        extra: smallJson,
        result: smallJson,
      },
      { requiredKeys: ['jsonrpc', 'method'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      jsonrpc: fc.constant('2.0'),
      id: anyId,
      method: fc.constant('initialize'),
      params: fc.record(
        {
          protocolVersion: fc.oneof(
            fc.constantFrom(
              '2025-11-25',
              '2025-06-18',
              '2025-03-26',
              '2024-11-05',
              '2030-01-01',
              '2026-07-28',
            ),
            smallJson,
          ),
          capabilities: fc.oneof(fc.constant({}), smallJson),
          clientInfo: fc.constant({ name: 'fuzz', version: '1' }),
          _meta: anyMeta,
        },
        { requiredKeys: ['protocolVersion'] },
      ),
    }),
  },
);

/** Responses a client might send back (well-formed or not). */
const responseLike: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    jsonrpc: fc.constant('2.0'),
    id: anyId,
    result: fc.oneof(fc.constant({}), smallJson),
    error: fc.oneof(fc.record({ code: fc.integer(), message: fc.string() }), smallJson),
  },
  { requiredKeys: ['jsonrpc'] },
);

/** A tools/call echoing a huge string. */
const hugeEcho = fc.record({
  jsonrpc: fc.constant('2.0'),
  id: anyId,
  method: fc.constant('tools/call'),
  params: fc.record({
    name: fc.constant('echo'),
    arguments: fc.record({ text: huge }),
    _meta: anyMeta,
  }),
});

/** One message as a JSON value: mostly requests, then responses and any JSON at all; 1 in 300 huge. */
export const anyMessageValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 260, arbitrary: requestLike },
  { weight: 20, arbitrary: responseLike },
  { weight: 20, arbitrary: fc.oneof(smallJson, fc.array(requestLike, { maxLength: 2 })) },
  { weight: 1, arbitrary: hugeEcho },
);

/** Raw text that is (almost always) not JSON: garbage, truncated JSON, unbalanced nesting. */
export const rawText: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: anyString },
  {
    weight: 10,
    arbitrary: fc.constantFrom(
      '{',
      '}',
      '[',
      '{"jsonrpc":"2.0",',
      '{"jsonrpc":"2.0","id":1,"method":"ping"',
      "{'a':1}",
      'NaN',
      'undefined',
      '{"a":1}}',
      '\u00ef\u00bb\u00bf{}',
    ),
  },
  {
    weight: 10,
    arbitrary: anyMessageValue.chain((v) => {
      const text = JSON.stringify(v) ?? 'x';
      return fc
        .integer({ min: 0, max: Math.max(0, text.length - 1) })
        .map((cut) => text.slice(0, cut) + (cut % 3 === 0 ? '\u0000' : ''));
    }),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 50_000 }).map((n) => '['.repeat(n)) },
);

/** One fuzz input: a JSON value to send, or raw text. */
export type FuzzInput = { value: unknown } | { raw: string };

/** Shown in fast-check's reports: the start of the text (deep values would overflow its printer). */
function labelled<T extends FuzzInput>(input: T): T {
  const text = 'raw' in input ? input.raw : (JSON.stringify(input.value) ?? 'undefined');
  return Object.assign(input, {
    [fc.toStringMethod]: () => JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text),
  });
}

/** A fuzz input: 9 in 10 are JSON values, the rest raw text. */
export const anyInput: fc.Arbitrary<FuzzInput> = fc.oneof(
  { weight: 9, arbitrary: anyMessageValue.map((value) => labelled({ value })) },
  { weight: 1, arbitrary: rawText.map((raw) => labelled({ raw })) },
);

/** `size` fuzz inputs, reported by fast-check as their count (the problems name the messages). */
export function batchOf(size: number): fc.Arbitrary<FuzzInput[]> {
  return fc
    .array(anyInput, { minLength: size, maxLength: size })
    .map((inputs) =>
      Object.assign(inputs, { [fc.toStringMethod]: () => `[${inputs.length} inputs]` }),
    );
}
