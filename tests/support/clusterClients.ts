/** Helpers of the multi-node tests: official 1.x and TypeMCP clients whose requests go round-robin. */
import { Client as V1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as V1Http } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  LoggingMessageNotificationSchema,
  ResourceUpdatedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';

/** A fetch that sends each request to the next node in turn (no sticky routing). */
export type NodeFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** The first text of a tool result. */
export const text = (result: unknown): string =>
  (result as { content: Array<{ text: string }> }).content[0].text;

/** What a connected official client has heard. */
export interface HeardV1 {
  client: V1Client;
  transport: V1Http;
  logs: string[];
  updated: string[];
  asked: string[];
}

/** An official 1.x client (2025-11-25) over `fetch`, answering elicitations with `name: Ada`. */
export async function connectV1(url: string, fetch?: NodeFetch): Promise<HeardV1> {
  const client = new V1Client(
    { name: 'v1', version: '1' },
    { capabilities: { elicitation: {}, sampling: {} } },
  );
  const heard: HeardV1 = {
    client,
    transport: undefined as never,
    logs: [],
    updated: [],
    asked: [],
  };
  client.setRequestHandler(ElicitRequestSchema, (request) => {
    heard.asked.push(request.params.message);
    return { action: 'accept', content: { name: 'Ada', ok: true } };
  });
  client.setRequestHandler(CreateMessageRequestSchema, (request) => {
    heard.asked.push(String((request.params.messages[0].content as { text?: string }).text));
    return { model: 'test-model', role: 'assistant', content: { type: 'text', text: 'Paris' } };
  });
  client.setNotificationHandler(
    LoggingMessageNotificationSchema,
    (n) => void heard.logs.push(String(n.params.data)),
  );
  client.setNotificationHandler(
    ResourceUpdatedNotificationSchema,
    (n) => void heard.updated.push(n.params.uri),
  );
  heard.transport = new V1Http(new URL(url), {
    fetch,
    reconnectionOptions: {
      initialReconnectionDelay: 20,
      maxReconnectionDelay: 200,
      reconnectionDelayGrowFactor: 1.5,
      maxRetries: 20,
    },
  });
  await client.connect(heard.transport);
  return heard;
}

/** Resolves once `check()` holds (polled; the test's timeout bounds it). */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
