/**
 * Splits a byte stream into newline-delimited lines (stdio framing). Chunks are kept as
 * buffers until a newline arrives, so a message of tens of MB costs one concatenation.
 * A line longer than `maxLineBytes` is never held in memory: it is skipped up to its newline
 * and reported once through `onoverflow`.
 *
 * @example
 * const decoder = new LineDecoder((line) => handle(line));
 * stream.on('data', (chunk) => decoder.push(chunk));
 */
export class LineDecoder {
  private chunks: Buffer[] = [];
  private size = 0;
  private skipping = false;

  constructor(
    private readonly online: (line: string) => void,
    private readonly maxLineBytes = Infinity,
    private readonly onoverflow?: (bytes: number) => void,
  ) {}

  /** Feeds one chunk; calls `online` for every complete, non-empty line. */
  push(chunk: Buffer): void {
    let start = 0;
    let index = chunk.indexOf(10);
    while (index !== -1) {
      if (this.skipping) {
        this.skipping = false;
      } else if (this.size === 0) {
        this.checkAndEmit(chunk.subarray(start, index));
      } else {
        const part = chunk.subarray(start, index);
        this.chunks.push(part);
        const line = Buffer.concat(this.chunks, this.size + part.length);
        this.chunks = [];
        this.size = 0;
        this.checkAndEmit(line);
      }
      start = index + 1;
      index = chunk.indexOf(10, start);
    }
    if (start < chunk.length && !this.skipping) {
      const rest = chunk.subarray(start);
      this.chunks.push(rest);
      this.size += rest.length;
      if (this.size > this.maxLineBytes) {
        this.onoverflow?.(this.size);
        this.chunks = [];
        this.size = 0;
        this.skipping = true;
      }
    }
  }

  private checkAndEmit(line: Buffer): void {
    if (line.length > this.maxLineBytes) {
      this.onoverflow?.(line.length);
      return;
    }
    let end = line.length;
    if (end > 0 && line[end - 1] === 13) end--;
    if (end === 0) return;
    this.online(line.toString('utf8', 0, end));
  }

  /** Bytes buffered without a newline yet. */
  get buffered(): number {
    return this.size;
  }
}
