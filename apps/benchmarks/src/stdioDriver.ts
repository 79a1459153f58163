import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** One measured run. */
export interface Measurement {
  calls: number;
  seconds: number;
  callsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMb: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Drives a stdio MCP server with raw JSON-RPC (no SDK in the driver): the legacy handshake, a
 * warm-up, then `calls` tools/call requests with `inflight` outstanding at any time.
 */
export async function driveStdio(command: string, args: string[], options: { calls: number; inflight: number; tool: string; args: Record<string, unknown>; warmup?: number }): Promise<Measurement> {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'] });
  const pending = new Map<number, (value: unknown) => void>();
  let parts: string[] = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    // search only the new chunk for newlines, so big messages cost linear time in the driver
    let start = 0;
    let i: number;
    while ((i = chunk.indexOf('\n', start)) !== -1) {
      parts.push(chunk.slice(start, i));
      const line = parts.length === 1 ? parts[0] : parts.join('');
      parts = [];
      start = i + 1;
      const m = JSON.parse(line) as { id?: number };
      if (m.id !== undefined) pending.get(m.id)?.(m);
    }
    if (start < chunk.length) parts.push(chunk.slice(start));
  });
  let nextId = 1;
  const send = (method: string, params: Record<string, unknown>) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, (m) => {
        pending.delete(id);
        resolve(m);
      });
      child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
    });
  await send('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } });
  child.stdin.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n');
  const call = { name: options.tool, arguments: options.args };
  for (let i = 0; i < (options.warmup ?? 500); i++) await send('tools/call', call);
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  let issued = 0;
  const worker = async () => {
    while (issued < options.calls) {
      issued++;
      const t = process.hrtime.bigint();
      await send('tools/call', call);
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: options.inflight }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = peakRss(child.pid ?? 0);
  child.stdin.end();
  await new Promise((r) => child.on('exit', r));
  latencies.sort((a, b) => a - b);
  return { calls: latencies.length, seconds, callsPerSecond: latencies.length / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), peakRssMb: rss };
}
