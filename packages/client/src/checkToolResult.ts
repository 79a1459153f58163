import type { CallToolResult } from '@typemcp/protocol';
import { InvalidResultError } from './errors/InvalidResultError';

/**
 * Checks a tool result against the tool's `outputSchema`, as far as a client can without a
 * JSON Schema engine: a tool that declares one MUST return `structuredContent` (unless the
 * result is an error), and for an object schema that content must be an object.
 *
 * @example
 * checkToolResult('weather', { type: 'object' }, { content: [] }); // throws InvalidResultError
 */
export function checkToolResult(
  name: string,
  outputSchema: Record<string, unknown> | undefined,
  result: CallToolResult,
): void {
  if (!outputSchema || result.isError === true) return;
  const structured = result.structuredContent;
  if (structured === undefined) {
    throw new InvalidResultError(
      `Tool ${name} declares an outputSchema but returned no structuredContent`,
    );
  }
  if (
    outputSchema.type === 'object' &&
    (typeof structured !== 'object' || structured === null || Array.isArray(structured))
  ) {
    throw new InvalidResultError(
      `Tool ${name} returned structuredContent that is not an object, as its outputSchema requires`,
    );
  }
}
