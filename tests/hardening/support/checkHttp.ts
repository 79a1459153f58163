/**
 * Checks of one HTTP answer of the fuzzed endpoint: the invariants every answer keeps (no 5xx,
 * every refusal a well-formed JSON-RPC error body without a stack trace, 405 with `Allow`, 202
 * empty, 200 a JSON-RPC response or an SSE stream of JSON-RPC messages), then what its
 * {@link HttpExpectation} asks for.
 */
import { brief, malformed, wrongAnswer } from './checkAnswer';
import type { HttpCase } from './httpCases';
import type { RawResponse } from './HttpPeer';

/** The JSON-RPC messages of an SSE body (the priming event's empty data skipped). */
export function sseMessages(body: string): Array<Record<string, any>> {
  const messages: Array<Record<string, any>> = [];
  for (const line of body.split('\n')) {
    if (!line.startsWith('data:')) continue;
    const data = line.slice(5).trim();
    if (data !== '' && data.startsWith('{')) messages.push(JSON.parse(data) as Record<string, any>);
  }
  return messages;
}

/** Every problem with `res` as the answer to `c`. */
export function problemsOf(c: HttpCase, res: RawResponse): string[] {
  const problems: string[] = [];
  const type = String(res.headers['content-type'] ?? '');
  const expect = c.expect;
  if (res.status >= 500 || res.status < 200)
    problems.push(`status ${res.status}: ${brief(res.body)}`);
  if (expect && !expect.statuses.includes(res.status))
    problems.push(
      `status ${res.status}, expected ${expect.statuses.join('|')}: ${brief(res.body)}`,
    );
  if (c.request.method === 'HEAD') return problems; // no body
  if (res.status >= 400) {
    if (type !== 'application/json') problems.push(`a ${res.status} of type ${type}`);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(res.body) as Record<string, unknown>;
    } catch {
      return [...problems, `a ${res.status} whose body is not JSON: ${brief(res.body)}`];
    }
    const bad =
      malformed(body) ?? ('error' in body ? undefined : `a ${res.status} without a JSON-RPC error`);
    if (bad) problems.push(bad);
    const code = (body.error as { code?: number } | undefined)?.code as number;
    if (expect?.codes && !expect.codes.includes(code))
      problems.push(`error ${code}, expected ${expect.codes.join('|')}: ${brief(body)}`);
    if (res.status === 405 && !res.headers.allow) problems.push('a 405 without Allow');
    return problems;
  }
  if (res.status === 202 && res.body !== '') problems.push(`a 202 with a body: ${brief(res.body)}`);
  if (res.status !== 200) return problems;
  if (type.startsWith('text/event-stream')) return [...problems, ...streamProblems(c, res)];
  if (type !== 'application/json') return [...problems, `a 200 of type ${type}`];
  let message: Record<string, unknown>;
  try {
    message = JSON.parse(res.body) as Record<string, unknown>;
  } catch {
    return [...problems, `a 200 whose body is not JSON: ${brief(res.body)}`];
  }
  return [...problems, ...answerProblems(c, message)];
}

/** An SSE reply: every complete event a JSON-RPC message; a whole stream ends with its answer. */
function streamProblems(c: HttpCase, res: RawResponse): string[] {
  const complete = res.cut ? res.body.slice(0, res.body.lastIndexOf('\n\n') + 1) : res.body;
  let messages: Array<Record<string, any>>;
  try {
    messages = sseMessages(complete);
  } catch {
    return [`an SSE event that is not JSON: ${brief(res.body)}`];
  }
  const problems = messages.map((m) => malformed(m)).filter((p): p is string => p !== undefined);
  if (res.cut || !c.expect?.answer) return problems;
  const final = messages.filter((m) => !('method' in m));
  if (final.length !== 1)
    return [...problems, `${final.length} responses on one reply stream: ${brief(res.body)}`];
  return [...problems, ...answerProblems(c, final[0])];
}

/** A JSON-RPC answer against the message's own expectation. */
function answerProblems(c: HttpCase, message: Record<string, unknown>): string[] {
  const answer = c.expect?.answer;
  if (c.expect?.opensSession)
    return 'result' in message ? [] : [`initialize failed: ${brief(message)}`];
  const bad = answer ? wrongAnswer(answer, message) : malformed(message);
  if (bad) return [bad];
  if (answer && answer.kind === 'answer' && message.id !== answer.id)
    return [`answered id ${brief(message.id)}, expected ${brief(answer.id)}`];
  return [];
}
