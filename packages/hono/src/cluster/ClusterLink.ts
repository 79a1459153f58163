import { randomUUID } from 'node:crypto';
import type { JSONRPCMessage, MessageExtra } from '@typemcp/protocol';
import type { Server, SessionRecord } from '@typemcp/server';
import type { InflightTracker } from '../InflightTracker';
import type { EventStore } from '../streamable/EventStore';
import { HttpSession } from '../streamable/HttpSession';
import type { HttpSessionOptions } from '../streamable/HttpSession';
import { CLUSTER_CHANNEL, nodeChannel, standaloneStreamOf } from './channels';
import { hydrate, recordOf } from './sessionRecords';
import { openClusterStream } from './openClusterStream';
import type { McpStores } from './McpStores';
import { StoreUnavailableError } from './StoreUnavailableError';
import { tagOutgoing, untagIncoming } from './requestIds';
import { WakingEventStore } from './WakingEventStore';
import { headerOf } from '../nodeRequest';

/** What every node hears on the cluster channel. */
type ClusterMessage =
  | { kind: 'notify'; from: string; sessionId: string; message: JSONRPCMessage }
  | { kind: 'end'; from: string; sessionId: string }
  | { kind: 'broadcast'; from: string; method: string; params?: Record<string, unknown> };

/** Most sessions one list-change notification is written to. */
const MAX_BROADCAST_SESSIONS = 100_000;

/**
 * What makes one HTTP engine a node of a cluster: legacy sessions live in the shared
 * {@link SessionStore} (any node adopts a session it has not seen, and reads it again at every
 * request), every stream's events in the shared {@link EventStore} (a stream cut on one node is
 * resumed on another, whose {@link StreamTailer} follows what the first node still writes),
 * messages relating to no request in the session's stored GET stream, answers to server-to-client
 * requests and client notifications through the bus to the node that needs them, and server-wide
 * notifications written once per subscribed session.
 *
 * @example
 * const link = new ClusterLink(server, stores, sessions, options, inflight, 30 * 60_000);
 * await link.sync(request); // before looking the session up
 */
export class ClusterLink {
  readonly nodeId: string;
  /** The shared event store, waking tailers on write. */
  readonly events: EventStore;
  private readonly subjects = new WeakMap<HttpSession, string | undefined>();
  private readonly receivers = new WeakMap<
    HttpSession,
    (message: JSONRPCMessage, extra?: MessageExtra) => void
  >();
  private readonly adopting = new Map<string, Promise<HttpSession>>();
  private readonly unsubscribers: Array<() => Promise<void>> = [];

  constructor(
    private readonly server: Server,
    private readonly stores: McpStores,
    /** The engine's open sessions, by id. */
    private readonly local: Map<string, HttpSession>,
    private readonly options: HttpSessionOptions,
    private readonly inflight: InflightTracker,
    private readonly ttlMs: number,
  ) {
    this.nodeId = stores.nodeId ?? randomUUID().slice(0, 8);
    this.events = new WakingEventStore(stores.events, stores.bus, (e) => server.reportError(e));
  }

  /** Joins the cluster: shares tasks and nonces, hears the bus, sends broadcasts through it. */
  async start(): Promise<void> {
    const { tasks, nonces, bus, requestStateSecret } = this.stores;
    this.server.useStores({ tasks, nonces, bus, requestStateSecret });
    if (this.server.requestStates.randomKey) {
      this.server.reportError(
        new Error(
          'Several nodes need one requestState secret: set TYPEMCP_REQUEST_STATE_SECRET or createServer({ requestState: { secret } })',
        ),
      );
    }
    this.server.broadcaster = (method, params) => this.broadcast(method, params);
    this.unsubscribers.push(
      await this.stores.bus.subscribe(CLUSTER_CHANNEL, (m) => this.onCluster(m as ClusterMessage)),
    );
    this.unsubscribers.push(
      await this.stores.bus.subscribe(nodeChannel(this.nodeId), (m) => {
        const { sessionId, message } = m as { sessionId: string; message: JSONRPCMessage };
        const session = this.local.get(sessionId);
        if (session) this.receivers.get(session)?.(message);
      }),
    );
  }

  /** Leaves the cluster. */
  async close(): Promise<void> {
    await Promise.all(this.unsubscribers.splice(0).map((stop) => stop().catch(() => undefined)));
  }

  /**
   * Brings the session a request names up to date here before it is looked up: its record read
   * (and its lifetime renewed) from the store, adopted when this node has not seen it, closed here
   * when it ended elsewhere.
   */
  async sync(request: Request): Promise<void> {
    const id = headerOf(request, 'mcp-session-id');
    if (!id) return;
    const record = await StoreUnavailableError.guard('sessions', () =>
      this.stores.sessions.touch(id, this.ttlMs),
    );
    const local = this.local.get(id);
    if (!record) {
      if (local) await local.close();
      return;
    }
    hydrate((local ?? (await this.adopt(record))).connection, record);
  }

  private adopt(record: SessionRecord): Promise<HttpSession> {
    let adopting = this.adopting.get(record.id);
    if (!adopting) {
      adopting = (async () => {
        const session = new HttpSession(record.id, this.options);
        await session.open(this.server);
        session.onclose = () =>
          this.local.get(record.id) === session && this.local.delete(record.id);
        session.onanswered = () => this.inflight.end();
        this.join(session, record.subject);
        this.local.set(record.id, session);
        return session;
      })().finally(() => this.adopting.delete(record.id));
      this.adopting.set(record.id, adopting);
    }
    return adopting;
  }

  /** Makes a session opened here (after its handshake) a cluster session: saved for every node. */
  async created(session: HttpSession, subject: string | undefined): Promise<void> {
    this.join(session, subject);
    await this.save(session);
  }

  private join(session: HttpSession, subject: string | undefined): void {
    this.subjects.set(session, subject);
    session.connection.sharedId = session.id;
    session.connection.stateChanged = () => this.save(session);
    const transport = session.transport;
    const send = transport.send.bind(transport);
    const receive = transport.receive.bind(transport);
    this.receivers.set(session, receive);
    transport.send = (message, options) => send(tagOutgoing(message, this.nodeId), options);
    transport.receive = (message, extra) => this.receive(session, message, extra);
  }

  /** A client message in a session: answers go to the node that asked, notifications to every node. */
  private receive(session: HttpSession, message: JSONRPCMessage, extra?: MessageExtra): void {
    const deliver = this.receivers.get(session) as (
      message: JSONRPCMessage,
      extra?: MessageExtra,
    ) => void;
    if (!('method' in message)) {
      const { node, message: answer } = untagIncoming(message);
      if (node === undefined || node === this.nodeId) deliver(answer, extra);
      else
        void this.stores.bus
          .publish(nodeChannel(node), { sessionId: session.id, message: answer })
          .catch((e) => this.server.reportError(e));
      return;
    }
    deliver(message, extra);
    // every node marks an adopted session initialized already; other notifications reach them all
    if (!('id' in message) && message.method !== 'notifications/initialized') {
      const notice: ClusterMessage = {
        kind: 'notify',
        from: this.nodeId,
        sessionId: session.id,
        message,
      };
      void this.stores.bus
        .publish(CLUSTER_CHANNEL, notice)
        .catch((e) => this.server.reportError(e));
    }
  }

  private onCluster(message: ClusterMessage): void {
    if (message.kind === 'broadcast') {
      // shared sessions got it through the store (from the sending node); each node's own
      // unshared connections (HTTP+SSE, stdio) and listen streams get it here
      this.server.deliverBroadcast(message.method, message.params, 'unshared');
      return;
    }
    if (message.from === this.nodeId) return;
    const session = this.local.get(message.sessionId);
    if (!session) return;
    if (message.kind === 'end') void session.close();
    else this.receivers.get(session)?.(message.message);
  }

  /** Saves a session's record (after its handshake, and whenever its state changes). */
  save(session: HttpSession): Promise<void> {
    const record = recordOf(session.id, session.connection, this.subjects.get(session));
    return StoreUnavailableError.guard('sessions', () =>
      this.stores.sessions.save(record, this.ttlMs),
    );
  }

  /** Ends a session for every node (DELETE). */
  async ended(sessionId: string): Promise<void> {
    await StoreUnavailableError.guard('sessions', () => this.stores.sessions.delete(sessionId));
    void this.stores.bus
      .publish(CLUSTER_CHANNEL, {
        kind: 'end',
        from: this.nodeId,
        sessionId,
      } satisfies ClusterMessage)
      .catch(() => undefined);
  }

  /** Stores a message relating to no request in the session's GET stream, wherever that is held. */
  async toStandalone(sessionId: string, message: JSONRPCMessage): Promise<void> {
    await this.events.storeEvent(standaloneStreamOf(sessionId), message);
  }

  private broadcast(method: string, params?: Record<string, unknown>): void {
    const notice: ClusterMessage = { kind: 'broadcast', from: this.nodeId, method, params };
    void this.stores.bus.publish(CLUSTER_CHANNEL, notice).catch((e) => this.server.reportError(e));
    void this.toSessions(method, params).catch((e) => this.server.reportError(e));
  }

  /** Writes a server-wide notification once to every session that should get it. */
  private async toSessions(method: string, params?: Record<string, unknown>): Promise<void> {
    const sessions = this.stores.sessions;
    const ids =
      method === 'notifications/resources/updated'
        ? await sessions.subscribers(String(params?.uri))
        : await sessions.list(MAX_BROADCAST_SESSIONS);
    const message: JSONRPCMessage =
      params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params };
    await Promise.all(ids.map((id) => this.toStandalone(id, message)));
  }

  /**
   * GET in a session: a resumption (`Last-Event-ID`) of one of its streams — here if this node
   * still holds the stream, else followed in the store — or a new GET stream from now on.
   */
  get(session: HttpSession, lastEventId: string | null): Promise<Response> {
    return openClusterStream(
      {
        events: this.events,
        rawEvents: this.stores.events,
        bus: this.stores.bus,
        options: this.options,
        report: (e) => this.server.reportError(e),
      },
      session,
      lastEventId,
    );
  }
}
