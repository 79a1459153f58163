import type {
  ClientRequestMethods,
  CompleteResult,
  EmptyResult,
  GetPromptResult,
  ListPromptsResult,
  ListResourceTemplatesResult,
  ListResourcesResult,
  ReadResourceResult,
  RequestOptions,
  SubscriptionFilter,
} from '@typemcp/protocol';
import type { ClientParams, ClientResult } from './clientTypes';

/**
 * The typed one-request calls of a {@link Client}: each sends one request through
 * {@link ClientCalls.request}, which the client implements for the agreed era. Kept apart from
 * the connection and era logic of `Client.ts`.
 */
export abstract class ClientCalls {
  /** Sends any client request in the agreed era and returns its complete result. */
  abstract request<M extends keyof ClientRequestMethods>(
    method: M,
    params?: ClientParams<M>,
    options?: RequestOptions,
  ): Promise<ClientResult<M>>;

  /** One page of `resources/list`. */
  listResources(
    params: ClientParams<'resources/list'> = {},
    options?: RequestOptions,
  ): Promise<ListResourcesResult> {
    return this.request('resources/list', params, options);
  }

  /** One page of `resources/templates/list`. */
  listResourceTemplates(
    params: ClientParams<'resources/templates/list'> = {},
    options?: RequestOptions,
  ): Promise<ListResourceTemplatesResult> {
    return this.request('resources/templates/list', params, options);
  }

  /** Reads a resource (a missing one: -32602 in 2026-07-28, -32002 before). */
  readResource(
    params: ClientParams<'resources/read'>,
    options?: RequestOptions,
  ): Promise<ReadResourceResult> {
    return this.request('resources/read', params, options);
  }

  /** Subscribes to a resource's updates (legacy era; 2026-07-28 uses `subscriptions/listen`). */
  subscribeResource(
    params: ClientParams<'resources/subscribe'>,
    options?: RequestOptions,
  ): Promise<EmptyResult> {
    return this.request('resources/subscribe', params, options);
  }

  /** Ends a resource subscription (legacy era). */
  unsubscribeResource(
    params: ClientParams<'resources/unsubscribe'>,
    options?: RequestOptions,
  ): Promise<EmptyResult> {
    return this.request('resources/unsubscribe', params, options);
  }

  /** One page of `prompts/list`. */
  listPrompts(
    params: ClientParams<'prompts/list'> = {},
    options?: RequestOptions,
  ): Promise<ListPromptsResult> {
    return this.request('prompts/list', params, options);
  }

  /** Gets a prompt with its arguments filled in. */
  getPrompt(
    params: ClientParams<'prompts/get'>,
    options?: RequestOptions,
  ): Promise<GetPromptResult> {
    return this.request('prompts/get', params, options);
  }

  /** Asks for completions of a prompt or resource-template argument. */
  complete(
    params: ClientParams<'completion/complete'>,
    options?: RequestOptions,
  ): Promise<CompleteResult> {
    return this.request('completion/complete', params, options);
  }

  /**
   * Opens a `subscriptions/listen` stream (2026-07-28): the server acknowledges the filter it
   * agreed to, then sends the matching change notifications, which reach
   * {@link Client.onNotification} listeners. Abort `options.signal` to end it.
   *
   * @example
   * const stop = new AbortController();
   * client.onNotification('notifications/tools/list_changed', () => refresh());
   * void client.listen({ toolsListChanged: true }, { signal: stop.signal });
   */
  listen(
    notifications: SubscriptionFilter,
    options: RequestOptions = {},
  ): Promise<Record<string, unknown>> {
    return this.request(
      'subscriptions/listen',
      { notifications },
      { timeoutMs: Infinity, ...options },
    );
  }
}
