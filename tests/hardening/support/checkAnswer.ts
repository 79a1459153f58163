/**
 * Checks of what a fuzzed server wrote: every message well-formed JSON-RPC without a stack
 * trace, and every answer of the kind its {@link Expectation} allows.
 */
import type { Expectation } from './fuzzOracle';

/** Text that looks like a stack trace or a source location. */
const STACK = /\n\s+at\s|\bat\s+\S+\s+\(|\.(ts|js):\d+:\d+|node:internal/;

/** Why a message written by the server is not well-formed JSON-RPC (or leaks a stack), if it is not. */
export function malformed(message: Record<string, unknown>): string | undefined {
  if (message.jsonrpc !== '2.0') return `no "jsonrpc":"2.0": ${brief(message)}`;
  if ('method' in message)
    return typeof message.method === 'string' ? undefined : `bad method: ${brief(message)}`;
  const hasResult = 'result' in message;
  const hasError = 'error' in message;
  if (hasResult === hasError)
    return `a response needs exactly one of result and error: ${brief(message)}`;
  if (hasResult)
    return typeof message.result === 'object' && message.result !== null
      ? undefined
      : `result not an object: ${brief(message)}`;
  const error = message.error as { code?: unknown; message?: unknown } | null;
  if (
    typeof error !== 'object' ||
    error === null ||
    !Number.isInteger(error.code) ||
    typeof error.message !== 'string'
  ) {
    return `malformed error object: ${brief(message)}`;
  }
  if (STACK.test(JSON.stringify(message))) return `stack trace in an error: ${brief(message)}`;
  return undefined;
}

/** Why `message` is not an acceptable answer for `expectation`, if it is not. */
export function wrongAnswer(
  expectation: Expectation,
  message: Record<string, unknown>,
): string | undefined {
  const bad = malformed(message);
  if (bad) return bad;
  const error = message.error as { code: number } | undefined;
  switch (expectation.kind) {
    case 'none':
      return `answered a message that needs no answer: ${brief(message)}`;
    case 'idless':
    case 'invalid': {
      const code = expectation.kind === 'idless' ? expectation.code : -32600;
      return error?.code === code ? undefined : `expected error ${code}, got ${brief(message)}`;
    }
    case 'answer':
      if (expectation.listen)
        return `subscriptions/listen answered before it was cancelled: ${brief(message)}`;
      if (!error) {
        if (expectation.result === 'isError')
          return (message.result as { isError?: unknown }).isError === true
            ? undefined
            : `expected isError or error ${expectation.codes.join('|')}, got ${brief(message)}`;
        return expectation.result
          ? undefined
          : `expected error ${expectation.codes.join('|')}, got a result: ${brief(message)}`;
      }
      return expectation.codes.includes(error.code)
        ? undefined
        : `expected ${expectation.result ? 'a result or ' : ''}error ${expectation.codes.join('|')}, got ${brief(message)}`;
  }
}

/** The start of a message, for failure reports. */
export function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}
