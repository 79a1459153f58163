import type { IncomingRequestContext, JSONRPCRequest, SubscriptionFilter } from '@typemcp/protocol';
import type { DispatchHost } from './Dispatcher';
import type { ServerConnection } from './ServerConnection';

const FLAG_OF: Record<string, keyof SubscriptionFilter> = {
  'notifications/tools/list_changed': 'toolsListChanged',
  'notifications/prompts/list_changed': 'promptsListChanged',
  'notifications/resources/list_changed': 'resourcesListChanged',
};

/** The part of a requested filter this server can honour, given its capabilities. */
export function agreeFilter(
  server: DispatchHost,
  requested: SubscriptionFilter,
): SubscriptionFilter {
  const caps = server.capabilities;
  const agreed: SubscriptionFilter = {};
  if (requested.toolsListChanged && caps.tools?.listChanged) agreed.toolsListChanged = true;
  if (requested.promptsListChanged && caps.prompts?.listChanged) agreed.promptsListChanged = true;
  if (requested.resourcesListChanged && caps.resources?.listChanged)
    agreed.resourcesListChanged = true;
  if (Array.isArray(requested.resourceSubscriptions) && caps.resources?.subscribe) {
    agreed.resourceSubscriptions = requested.resourceSubscriptions.filter(
      (u) => typeof u === 'string',
    );
  }
  return agreed;
}

/**
 * Serves `subscriptions/listen` (2026-07-28): acknowledges the agreed filter first, then sends
 * each matching change notification tagged with the subscription id, until the client cancels
 * (closing the HTTP stream, or `notifications/cancelled` on stdio) or the server closes.
 */
export async function serveListen(
  server: DispatchHost,
  connection: ServerConnection,
  request: JSONRPCRequest,
  incoming: IncomingRequestContext,
): Promise<Record<string, unknown>> {
  const subscriptionId = request.id;
  const tag = { 'io.modelcontextprotocol/subscriptionId': subscriptionId };
  const related = { relatedRequestId: request.id };
  const requested =
    ((request.params ?? {}) as { notifications?: SubscriptionFilter }).notifications ?? {};
  const agreed = agreeFilter(
    server,
    typeof requested === 'object' && requested !== null ? requested : {},
  );
  await connection.session.notify(
    'notifications/subscriptions/acknowledged',
    { notifications: agreed, _meta: tag },
    related,
  );
  const listener = (method: string, params?: Record<string, unknown>) => {
    const flag = FLAG_OF[method];
    const wanted =
      flag !== undefined
        ? agreed[flag] === true
        : method === 'notifications/resources/updated' &&
          agreed.resourceSubscriptions?.includes(String(params?.uri));
    if (!wanted || incoming.signal.aborted) return;
    void connection.session
      .notify(method, { ...params, _meta: tag }, related)
      .catch(() => undefined);
  };
  server.broadcastListeners.add(listener);
  let stop: () => void = () => undefined;
  try {
    await new Promise<void>((resolve) => {
      stop = resolve;
      if (incoming.signal.aborted) resolve();
      incoming.signal.addEventListener('abort', () => resolve(), { once: true });
      server.closeListeners.add(resolve);
    });
  } finally {
    server.broadcastListeners.delete(listener);
    server.closeListeners.delete(stop);
  }
  return { _meta: tag };
}
