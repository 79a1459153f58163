/**
 * The last few lines a server wrote to stderr, kept small, to explain an unexpected exit in
 * the errors of the requests it leaves pending.
 *
 * @example
 * const tail = new StderrTail();
 * tail.push(Buffer.from('Error: boom\n'));
 * tail.lines(); // 'Error: boom'
 */
export class StderrTail {
  private text = '';

  constructor(
    private readonly maxLines = 5,
    private readonly maxChars = 2000,
  ) {}

  /** Adds a chunk of stderr output. */
  push(chunk: Buffer | string): void {
    this.text = (this.text + chunk.toString()).slice(-this.maxChars * 2);
  }

  /** The last lines (at most `maxLines`, `maxChars`), trimmed; empty when nothing was written. */
  lines(): string {
    const lines = this.text.trimEnd().split(/\r?\n/).slice(-this.maxLines).join('\n');
    return lines.length > this.maxChars ? lines.slice(-this.maxChars) : lines;
  }
}
