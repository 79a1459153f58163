import { SseWriter } from '../streamable/SseWriter';

/** Why a new SSE stream was refused: the limit reached and its value. */
export interface StreamRefusal {
  readonly limit: 'maxSseStreams' | 'maxSseStreamsPerSession';
  readonly value: number;
}

/** True when `opened` is a refusal rather than a writer. */
export function isRefusal(opened: SseWriter | StreamRefusal | undefined): opened is StreamRefusal {
  return opened !== undefined && !(opened instanceof SseWriter);
}

/**
 * Counts the open SSE streams of one HTTP engine — in total and per session — and opens new ones
 * only within `maxSseStreams` and `maxSseStreamsPerSession`. A stream counts from its opening
 * until it closes, whichever side closes it.
 *
 * @example
 * const budget = new StreamBudget(10_000, 100);
 * const opened = budget.open(15_000, session);
 * if (isRefusal(opened)) return limitResponse(opened);
 */
export class StreamBudget {
  private readonly writers = new Set<SseWriter>();
  private readonly perOwner = new Map<object, number>();

  constructor(
    readonly maxTotal: number,
    readonly maxPerOwner: number,
  ) {}

  /** Open streams now. */
  get size(): number {
    return this.writers.size;
  }

  /** Keep-alive timers now running (one per open stream that sends keep-alive comments). */
  get timers(): number {
    let n = 0;
    for (const writer of this.writers) if (writer.hasKeepAlive) n++;
    return n;
  }

  /** Open streams of one owner (a session). */
  countOf(owner: object): number {
    return this.perOwner.get(owner) ?? 0;
  }

  /** The limit a new stream (of `owner`, if given) would exceed, if any. */
  refusal(owner?: object): StreamRefusal | undefined {
    if (this.writers.size >= this.maxTotal) return { limit: 'maxSseStreams', value: this.maxTotal };
    if (owner !== undefined && this.countOf(owner) >= this.maxPerOwner)
      return { limit: 'maxSseStreamsPerSession', value: this.maxPerOwner };
    return undefined;
  }

  /** Opens a counted stream, or says which limit refuses it. */
  open(keepAliveMs: number, owner?: object, deferred = false): SseWriter | StreamRefusal {
    const refused = this.refusal(owner);
    if (refused) return refused;
    const writer: SseWriter = new SseWriter(
      keepAliveMs,
      () => {
        this.writers.delete(writer);
        if (owner === undefined) return;
        const left = this.countOf(owner) - 1;
        if (left > 0) this.perOwner.set(owner, left);
        else this.perOwner.delete(owner);
      },
      deferred,
    );
    this.writers.add(writer);
    if (owner !== undefined) this.perOwner.set(owner, this.countOf(owner) + 1);
    return writer;
  }

  /** Closes every open stream. */
  closeAll(): void {
    for (const writer of [...this.writers]) writer.close();
  }
}
