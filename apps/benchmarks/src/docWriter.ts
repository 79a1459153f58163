/**
 * Writes docs/benchmarks.md: the machine line, how the rows were measured, the table, then the
 * hand-written part, kept as it is: everything from the `## Reading it` heading on.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const READING = '## Reading it';

/** What a run measured, for the doc. */
export interface RunReport {
  machine: string;
  date: string;
  table: string;
}

const LEGEND = `The driver speaks raw JSON-RPC over stdio and raw HTTP/1.1 over kept-alive node:http
connections (no SDK inside it) and shares the 2 cores with the server. Every server runs in its
own child process, the way its users run it (TypeMCP through ts-node). Servers: \`typemcp\`;
\`official-v1\` (\`@modelcontextprotocol/sdk\` 1.x); \`official-v2\` (\`@modelcontextprotocol/server\`
2.x); \`raw\`, a hand-written responder without an SDK: the limit. A row counts the calls
completed in a fixed time after a warm-up, with 1 or 32 workers each keeping one call in flight
(over as many connections); the whole list runs three times, interleaved, and each row keeps its
best round. *server CPU µs/call* is the server process's CPU time (user + system, all its threads,
from /proc) per call, and *busy* that time's share of the wall time (over 100%: garbage
collection on helper threads); a server well under 100% busy at 32 in flight was waiting for the
driver.

- **stdio**: the legacy handshake, then \`tools/call\` (\`add\`, \`echo\`) or \`tools/list\`; for
  the 1,000-tool list every server registers 998 more tools like \`add\`.
- **HTTP legacy SSE** and **HTTP legacy JSON**: a Streamable HTTP session (2025-11-25) per
  connection; replies are SSE streams, or JSON bodies (TypeMCP \`enableJsonResponse\`, official
  1.x \`enableJsonResponse: true\`).
- **HTTP stateless**: \`typemcp\` and \`official-v2\` answer 2026-07-28 requests (\`_meta\` with
  protocol version, client capabilities and info; \`MCP-Protocol-Version\`, \`Mcp-Method\`,
  \`Mcp-Name\` headers; no session). \`official-v1\` is measured in its stateless mode
  (\`sessionIdGenerator: undefined\`, a new server and transport per request, as its docs show).
  \`raw\` answers each POST with a JSON body.
- **HTTP legacy initialize + initialized**: calls/s are handshakes per second (two POSTs each).
  The sessions are kept: after forced garbage collections the server's memory grew by
  *kB/session* per idle session (heap + external / resident set), over 1,000 sessions opened
  after a warm-up of 100.
- *vs official 1.x* and *of no-SDK limit*: calls/s against the \`official-v1\` and \`raw\` rows
  of the same scenario.

The 1,000,000-call RSS soak of TypeMCP over stdio (RSS sampled every 100,000 calls):
\`npm run bench:soak --workspace @typemcp/benchmarks\`.`;

/** The doc's text: the generated part, then `reading` (the hand-written part, heading included). */
export function renderDoc(report: RunReport, reading: string): string {
  return [
    '# Benchmarks',
    '',
    `Measured with \`npm run bench --workspace @typemcp/benchmarks -- --write\` on ${report.machine}, ${report.date}.`,
    '',
    LEGEND,
    '',
    report.table,
    '',
    reading.trimEnd(),
    '',
  ].join('\n');
}

/**
 * Rewrites `file` with this run's results, keeping its hand-written section (from the
 * `## Reading it` heading to the end); a doc without one gets an empty section to fill in.
 *
 * @example
 * writeDoc(path.join(root, 'docs', 'benchmarks.md'), { machine, date: '2026-11-25', table });
 */
export function writeDoc(file: string, report: RunReport): void {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = old.indexOf(`\n${READING}`);
  const reading =
    at === -1
      ? `${READING}\n\n(to be written: what the table shows, and where the targets hold)\n`
      : old.slice(at + 1);
  writeFileSync(file, renderDoc(report, reading));
}
