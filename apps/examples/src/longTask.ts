/** A long task that reports progress, logs, and stops when the client cancels. */
import 'reflect-metadata';
import { Arg, Context, McpServer, run, Tool } from '@typemcp/server';

@McpServer({ name: 'Long task', version: '1.0.0' })
export class LongTask {
  @Tool({ description: 'Process files one by one, reporting progress' })
  async longTask(
    @Arg({ type: () => [String], description: 'Files to process' }) files: string[],
    ctx: Context,
    @Arg({ description: 'Milliseconds per file' }) delayMs = 100,
  ): Promise<string> {
    for (const [i, file] of files.entries()) {
      if (ctx.signal.aborted) {
        await ctx.warning(`Cancelled after ${i} files`);
        return `Cancelled after ${i} of ${files.length} files`;
      }
      await ctx.info(`Processing ${file}`);
      await new Promise((r) => setTimeout(r, delayMs));
      await ctx.reportProgress(i + 1, files.length, `Processed ${file}`);
    }
    return 'Processing complete';
  }
}

if (require.main === module) void run(LongTask);
