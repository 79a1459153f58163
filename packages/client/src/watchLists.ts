import type {
  ListPromptsResult,
  ListResourcesResult,
  ProtocolEra,
  RequestOptions,
  SubscriptionFilter,
  Tool,
} from '@typemcp/protocol';
import type { ClientOptions } from './ClientOptions';

/** What {@link watchLists} needs of the client (the `Client` is one; no import of it: no cycle). */
export interface ListWatcher {
  readonly era?: ProtocolEra;
  onNotification(method: string, listener: (params: Record<string, unknown>) => void): () => void;
  listAllTools(): Promise<Tool[]>;
  listPrompts(): Promise<ListPromptsResult>;
  listResources(): Promise<ListResourcesResult>;
  listen(notifications: SubscriptionFilter, options?: RequestOptions): Promise<unknown>;
}

/**
 * Wires the `listChanged` callbacks: each list_changed notification re-fetches that list and
 * hands it over. In the 2026-07-28 era it also opens the `subscriptions/listen` stream the
 * notifications come on; the returned controller ends it.
 *
 * @example
 * const stop = watchLists(client, { tools: (tools) => render(tools) }, console.error);
 */
export function watchLists(
  client: ListWatcher,
  watch: ClientOptions['listChanged'],
  onerror: (error: Error) => void,
): AbortController | undefined {
  if (!watch) return undefined;
  const refresh = async (kind: 'tools' | 'prompts' | 'resources') => {
    if (kind === 'tools') watch.tools?.(await client.listAllTools());
    else if (kind === 'prompts') watch.prompts?.((await client.listPrompts()).prompts);
    else watch.resources?.((await client.listResources()).resources);
  };
  const filter: SubscriptionFilter = {};
  for (const kind of ['tools', 'prompts', 'resources'] as const) {
    if (!watch[kind]) continue;
    client.onNotification(
      `notifications/${kind}/list_changed`,
      () => void refresh(kind).catch(onerror),
    );
    filter[`${kind}ListChanged`] = true;
  }
  if (client.era !== 'modern') return undefined;
  const controller = new AbortController();
  client.listen(filter, { signal: controller.signal }).catch(() => undefined);
  return controller;
}
