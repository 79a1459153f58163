/**
 * Publish/subscribe between the nodes of a cluster: how a node reaches the node that holds a
 * client's open stream (a server-to-client message, the answer to one, a cancellation, a stored
 * event to deliver) and how server-wide notifications reach every node. Messages are JSON values;
 * delivery is at most once, in order per channel and publisher.
 *
 * @example
 * const stop = await bus.subscribe('typemcp:node:a', (message) => console.log(message));
 * await bus.publish('typemcp:node:a', { hello: 'world' });
 * await stop();
 */
export interface MessageBus {
  /** Sends `message` to every current subscriber of `channel` (on every node, this one included). */
  publish(channel: string, message: unknown): Promise<void>;
  /** Listens to `channel` until the returned function is called. */
  subscribe(channel: string, handler: (message: unknown) => void): Promise<() => Promise<void>>;
}
