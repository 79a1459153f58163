/**
 * Which authenticated subject opened each Streamable HTTP session, so a session id replayed with
 * another subject's token is answered 404 like an unknown session. Bounded: entries of ended
 * sessions are pruned whenever the map outgrows the live sessions.
 */
export class SessionOwners {
  private readonly owners = new Map<string, string>();

  constructor(private readonly live: () => ReadonlySet<string> | ReadonlyMap<string, unknown>) {}

  /** Whether `subject` may use session `id` (a session nobody claimed is left to the engine). */
  allows(id: string, subject: string | undefined): boolean {
    const owner = this.owners.get(id);
    return owner === undefined || owner === (subject ?? '');
  }

  /** Records the subject that opened session `id`. */
  claim(id: string, subject: string | undefined): void {
    if (this.owners.has(id)) return;
    const live = this.live();
    if (this.owners.size >= live.size + 1024) {
      for (const key of this.owners.keys()) if (!live.has(key)) this.owners.delete(key);
    }
    this.owners.set(id, subject ?? '');
  }

  /** How many sessions are recorded. */
  get size(): number {
    return this.owners.size;
  }
}
