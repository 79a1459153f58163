/**
 * Every scenario of the benchmark, its servers and its sizes. Each scenario names the servers it
 * runs, the official 1.x server its ratios are taken against, and the no-SDK limit.
 */
import type { HttpDialect } from './drivers/httpDialects';
import type { HttpMode, ServerId } from './servers/catalog';

interface Base {
  name: string;
  servers: ServerId[];
  concurrency: number;
}

/** A stdio scenario: one method with its params. */
export interface StdioScenario extends Base {
  kind: 'stdio';
  method: string;
  params: Record<string, unknown>;
  toolCount?: number;
  /** Cap on measured calls (for large messages). */
  maxCalls?: number;
}

/** An HTTP scenario: servers configured in `mode`, spoken to in their dialect. */
export interface HttpScenario extends Base {
  kind: 'http';
  mode: HttpMode;
  method: string;
  params: Record<string, unknown>;
}

/** Legacy sessions opened and kept: handshake rate and memory per idle session. */
export interface SessionScenario extends Base {
  kind: 'sessions';
}

/** Any scenario. */
export type Scenario = StdioScenario | HttpScenario | SessionScenario;

/** How big a run is. */
export interface Sizes {
  /** Time budget of each measured row, ms. */
  measureMs: number;
  /** Cap on measured calls of each row. */
  maxCalls: number;
  /** Warm-up calls before measuring. */
  warmup: number;
  /**
   * Warm-up time of the limit run's rows, ms, besides the calls: long enough for the JIT to
   * finish with the server's hot path, so a row measures the steady state a running server is
   * in (a framework has far more code to optimise than a bare responder).
   */
  warmupMs: number;
  /** Sessions opened per session row (and a tenth of it as warm-up). */
  sessions: number;
  /** Times the whole list of scenarios runs; each row keeps its best round. */
  rounds: number;
}

/** The full run (about 12 minutes on 2 cores) and the smoke run (about 30 s, no speed judgement). */
export const SIZES: Record<'full' | 'smoke', Sizes> = {
  full: {
    measureMs: 2500,
    maxCalls: 2_000_000,
    warmup: 500,
    warmupMs: 2000,
    sessions: 1000,
    rounds: 3,
  },
  smoke: { measureMs: 300, maxCalls: 20, warmup: 5, warmupMs: 0, sessions: 10, rounds: 1 },
};

const ALL: ServerId[] = ['typemcp', 'official-v1', 'official-v2', 'raw'];
const LEGACY_HTTP: ServerId[] = ['typemcp', 'official-v1', 'raw'];
const add = { name: 'add', arguments: { a: 1, b: 2 } };
const echo1k = { name: 'echo', arguments: { text: 'x'.repeat(1024) } };
const echo1m = { name: 'echo', arguments: { text: 'x'.repeat(1024 * 1024) } };
const conns = (n: number) => `${n} conn${n === 1 ? '' : 's'}`;

function httpScenarios(mode: HttpMode, label: string): HttpScenario[] {
  const servers = mode === 'stateless' ? ALL : LEGACY_HTTP;
  return [
    {
      kind: 'http',
      mode,
      servers,
      name: `HTTP ${label} add, ${conns(1)}`,
      method: 'tools/call',
      params: add,
      concurrency: 1,
    },
    {
      kind: 'http',
      mode,
      servers,
      name: `HTTP ${label} add, ${conns(32)}`,
      method: 'tools/call',
      params: add,
      concurrency: 32,
    },
    {
      kind: 'http',
      mode,
      servers,
      name: `HTTP ${label} echo 1 KB, ${conns(32)}`,
      method: 'tools/call',
      params: echo1k,
      concurrency: 32,
    },
  ];
}

/** The scenarios, in the order they run and print. */
export const SCENARIOS: Scenario[] = [
  {
    kind: 'stdio',
    servers: ALL,
    name: 'stdio add, 1 in flight',
    method: 'tools/call',
    params: add,
    concurrency: 1,
  },
  {
    kind: 'stdio',
    servers: ALL,
    name: 'stdio add, 32 in flight',
    method: 'tools/call',
    params: add,
    concurrency: 32,
  },
  {
    kind: 'stdio',
    servers: ALL,
    name: 'stdio echo 1 KB, 32 in flight',
    method: 'tools/call',
    params: echo1k,
    concurrency: 32,
  },
  {
    kind: 'stdio',
    servers: ALL,
    name: 'stdio echo 1 MB, 4 in flight',
    method: 'tools/call',
    params: echo1m,
    concurrency: 4,
    maxCalls: 200,
  },
  {
    kind: 'stdio',
    servers: ALL,
    name: 'stdio tools/list of 1,000 tools, 1 in flight',
    method: 'tools/list',
    params: {},
    concurrency: 1,
    toolCount: 1000,
  },
  ...httpScenarios('sse', 'legacy SSE'),
  ...httpScenarios('json', 'legacy JSON'),
  ...httpScenarios('stateless', 'stateless'),
  {
    kind: 'sessions',
    servers: LEGACY_HTTP,
    name: 'HTTP legacy initialize + initialized, 1 conn',
    concurrency: 1,
  },
  {
    kind: 'sessions',
    servers: LEGACY_HTTP,
    name: 'HTTP legacy initialize + initialized, 32 conns',
    concurrency: 32,
  },
];

/**
 * The request shape a server is spoken to with in an HTTP mode: legacy sessions in `sse` and
 * `json`; in `stateless`, the 2026-07-28 era, except the official 1.x SDK, which has no such
 * era and is measured in its own stateless mode.
 */
export function dialectOf(mode: HttpMode, server: ServerId): HttpDialect {
  if (mode !== 'stateless') return 'legacy';
  return server === 'official-v1' ? 'legacy-stateless' : 'modern';
}
