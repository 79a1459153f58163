import type { GetPromptResult, PromptMessage } from '@typemcp/protocol';
import { isContentBlock, toContentBlocks } from './mapToolResult';

function isMessage(value: unknown): value is PromptMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    ((value as PromptMessage).role === 'user' || (value as PromptMessage).role === 'assistant') &&
    isContentBlock((value as PromptMessage).content)
  );
}

/**
 * Maps a prompt method's return value: a string → one user message; a message or an array of
 * messages and strings → those messages; a full GetPromptResult passes through.
 */
export function mapPromptResult(value: unknown, description?: string): GetPromptResult {
  if (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as GetPromptResult).messages)
  ) {
    return value as GetPromptResult;
  }
  const items = Array.isArray(value) ? value : [value];
  const messages: PromptMessage[] = items.flatMap((item): PromptMessage[] =>
    isMessage(item) ? [item] : toContentBlocks(item).map((content) => ({ role: 'user', content })),
  );
  return description === undefined ? { messages } : { description, messages };
}
