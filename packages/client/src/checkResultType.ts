import { TASKS_EXTENSION_ID } from '@typemcp/protocol';
import type { ClientCapabilities } from '@typemcp/protocol';
import { InvalidResultError } from './errors/InvalidResultError';

/**
 * The `resultType` of a 2026-07-28 result, checked: absent means `complete` (a legacy-style
 * server), `input_required` is a multi round-trip request, `task` is allowed only when the client
 * declared the tasks extension; anything else is an {@link InvalidResultError}.
 *
 * @example
 * checkResultType('tools/list', { tools: [] }, {}); // 'complete'
 * checkResultType('tools/list', { resultType: 'mystery' }, {}); // throws InvalidResultError
 */
export function checkResultType(
  method: string,
  result: Record<string, unknown>,
  capabilities: ClientCapabilities,
): 'complete' | 'input_required' | 'task' {
  const type = result.resultType ?? 'complete';
  if (type === 'complete' || type === 'input_required') return type;
  if (type === 'task' && capabilities.extensions?.[TASKS_EXTENSION_ID] !== undefined) return type;
  throw new InvalidResultError(
    `The server answered ${method} with an unknown resultType ${JSON.stringify(type)}`,
  );
}
