/**
 * The rows of the no-SDK limit run (issue 16): TypeMCP's default HTTP configurations and stdio,
 * each beside the no-SDK responder that is its limit, and the share of that limit each must reach.
 */
import type { HttpDialect } from '../drivers/httpDialects';
import type { HttpMode, ServerId } from '../servers/catalog';

/** One measured row. */
export interface LimitRow {
  /** Row label, unique. */
  name: string;
  server: ServerId;
  transport: 'http' | 'stdio';
  /** HTTP only: how the server is configured and spoken to. */
  mode?: HttpMode;
  dialect?: HttpDialect;
  /** Connections (HTTP) or calls in flight (stdio). */
  concurrency: number;
  /** The row this one is a share of; absent for a limit row. */
  limit?: string;
  /** The share of its limit the row must reach. */
  target?: number;
}

const httpRows = (n: number, target: number): LimitRow[] => {
  const conns = `${n} conn${n === 1 ? '' : 's'}`;
  const limit = `no-SDK node:http responder (JSON), ${conns}`;
  return [
    {
      name: limit,
      server: 'raw',
      transport: 'http',
      mode: 'json',
      dialect: 'legacy',
      concurrency: n,
    },
    {
      name: `TypeMCP stateful HTTP (SSE, event store), ${conns}`,
      server: 'typemcp',
      transport: 'http',
      mode: 'sse',
      dialect: 'legacy',
      concurrency: n,
      limit,
      target,
    },
    {
      name: `TypeMCP stateless HTTP (2026-07-28), ${conns}`,
      server: 'typemcp',
      transport: 'http',
      mode: 'stateless',
      dialect: 'modern',
      concurrency: n,
      limit,
      target,
    },
  ];
};

const STDIO_LIMIT = 'no-SDK stdio responder, 1 in flight';

/** Every row, grouped so that each group's limit runs beside its rows. */
export const LIMIT_GROUPS: LimitRow[][] = [
  httpRows(32, 0.5),
  httpRows(1, 0.85),
  [
    { name: STDIO_LIMIT, server: 'raw', transport: 'stdio', concurrency: 1 },
    {
      name: 'TypeMCP stdio, 1 in flight',
      server: 'typemcp',
      transport: 'stdio',
      concurrency: 1,
      limit: STDIO_LIMIT,
      target: 0.9,
    },
  ],
];
