/**
 * One batch of the stdio fuzzer: writes the generated lines to a server process at once, waits
 * for every answer they call for, then checks everything the server wrote against
 * {@link expectationOf}: one well-formed answer of the right class per request, errors without
 * id exactly for the lines that had no readable id, no answer to notifications and responses,
 * only JSON-RPC on stdout.
 */
import { brief, malformed, wrongAnswer } from './checkAnswer';
import type { FuzzInput } from './fuzzMessages';
import { expectationOf, wireText } from './fuzzOracle';
import type { ConnectionState, Expectation } from './fuzzOracle';
import type { StdioFuzzPeer, Written } from './StdioFuzzPeer';

let sentinel = 0;

const idOf = (line: string): unknown => {
  try {
    return (JSON.parse(line) as { id?: unknown }).id;
  } catch {
    return undefined;
  }
};
const subscriptionOf = (n: Written) =>
  (n.params as { _meta?: Record<string, unknown> } | undefined)?._meta?.[
    'io.modelcontextprotocol/subscriptionId'
  ];

/**
 * Sends `inputs` to `peer` (a connection in `state`) and returns every problem found.
 *
 * @example
 * const problems = await runStdioBatch(peer, 'legacy', inputs);
 */
export async function runStdioBatch(
  peer: StdioFuzzPeer,
  state: ConnectionState,
  inputs: FuzzInput[],
): Promise<string[]> {
  const notesBefore = peer.notifications.length;
  const lines: string[] = [];
  const withId = new Map<unknown, Expectation>();
  const idless: number[] = [];
  let optionalIdless = 0;
  for (const input of inputs) {
    const text = wireText(input, state).replace(/[\r\n]/g, ' ');
    if (text === '') continue; // an empty line is no message
    lines.push(text);
    const expectation = expectationOf(text, state);
    if (expectation.kind === 'idless' && expectation.optional) optionalIdless++;
    else if (expectation.kind === 'idless') idless.push(expectation.code);
    else if (expectation.kind !== 'none') withId.set(expectation.id, expectation);
  }
  await peer.write(lines);

  const sent = (id: unknown) => lines.find((line) => idOf(line) === id);
  const listens = [...withId.values()]
    .filter((e) => e.kind === 'answer' && e.listen)
    .map((e) => (e as { id: unknown }).id);
  const acked = () => new Set(peer.notifications.slice(notesBefore).map(subscriptionOf));
  const missing = () =>
    [...withId.values()].filter(
      (e) => e.kind === 'answer' && !e.listen && !peer.byId.has(e.id),
    ) as Array<{ id: unknown }>;
  await peer.until(
    () => missing().length === 0 && listens.every((id) => acked().has(id)),
    15_000,
    () =>
      `answers to the batch (${missing().length} missing, e.g. to ${brief(sent(missing()[0]?.id))}; ${listens.filter((id) => !acked().has(id)).length} listens not acknowledged)`,
  );
  // lines are decoded in order: any error without id was written before the sentinel's answer
  const id = `sentinel-${++sentinel}`;
  const pong = await peer.request(id, 'ping');
  peer.byId.delete(id);
  if (listens.length > 0)
    await peer.write(
      listens.map((requestId) =>
        JSON.stringify({
          jsonrpc: '2.0',
          method: 'notifications/cancelled',
          params: { requestId },
        }),
      ),
    );

  const problems: string[] = [];
  if (!pong.result) problems.push(`ping failed: ${brief(pong)}`);
  for (const [key, answers] of peer.byId) {
    const expectation = withId.get(key);
    const wrong = !expectation
      ? 'an answer to no request of this batch'
      : answers.length !== 1
        ? `${answers.length} answers to one request`
        : wrongAnswer(expectation, answers[0]);
    if (wrong) problems.push(`${wrong}: ${brief(answers)}\n  to ${brief(sent(key))}`);
  }
  const invalidIdless = [...withId.values()].filter(
    (e) => e.kind === 'invalid' && !peer.byId.has(e.id),
  ).length;
  const least = idless.length + invalidIdless;
  if (peer.idless.length < least || peer.idless.length > least + optionalIdless) {
    problems.push(
      `${peer.idless.length} errors without id, expected ${least} (+ up to ${optionalIdless})`,
    );
  }
  const parseErrors = peer.idless.filter(
    (m) => (m.error as { code?: number } | undefined)?.code === -32700,
  ).length;
  const expectedParseErrors = idless.filter((c) => c === -32700).length;
  if (parseErrors !== expectedParseErrors)
    problems.push(`${parseErrors} parse errors, expected ${expectedParseErrors}`);
  for (const m of peer.idless) {
    const wrong =
      malformed(m) ??
      ([-32700, -32600].includes((m.error as { code: number }).code)
        ? undefined
        : `an error without id of code ${brief(m)}`);
    if (wrong) problems.push(wrong);
  }
  for (const m of peer.notifications.slice(notesBefore)) {
    const wrong = malformed(m);
    if (wrong) problems.push(wrong);
  }
  if (peer.garbage.length > 0) problems.push(`not JSON-RPC on stdout: ${brief(peer.garbage)}`);
  peer.byId.clear();
  peer.idless.length = 0;
  return problems;
}
