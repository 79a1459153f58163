/**
 * The RSS soak: 1,000,000 `tools/call add` over stdio to TypeMCP (32 in flight), the server's
 * resident set sampled every 100,000 calls. The first sample ends the warm-up; RSS is flat when
 * every later sample stays within 10% of it.
 */
import { StdioPeer } from './drivers/stdioPeer';
import { rssKb } from './procStats';
import { stdioServer } from './servers/catalog';

/** What the soak saw. */
export interface SoakReport {
  calls: number;
  seconds: number;
  /** RSS in MB after the handshake, before any call. */
  startMb: number;
  /** RSS in MB after every `sampleEvery` calls. */
  samplesMb: number[];
  /** Largest deviation of a post-warm-up sample from the first sample, as a fraction. */
  drift: number;
  flat: boolean;
}

/**
 * Runs the soak and returns its samples and verdict.
 *
 * @example
 * const report = await soak(1_000_000); // report.flat: RSS within 10% after warm-up
 */
export async function soak(
  calls = 1_000_000,
  sampleEvery = Math.max(1, Math.round(calls / 10)),
  inflight = 32,
): Promise<SoakReport> {
  const peer = new StdioPeer(process.execPath, stdioServer('typemcp'));
  const samplesMb: number[] = [];
  const started = Date.now();
  await peer.initialize();
  const startMb = rssKb(peer.pid) / 1024;
  try {
    const call = { name: 'add', arguments: { a: 1, b: 2 } };
    let issued = 0;
    let done = 0;
    const worker = async () => {
      while (issued < calls) {
        issued++;
        await peer.request('tools/call', call);
        if (++done % sampleEvery === 0) {
          samplesMb.push(rssKb(peer.pid) / 1024);
          process.stderr.write(
            `[soak] ${done} calls, RSS ${samplesMb[samplesMb.length - 1].toFixed(1)} MB\n`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: inflight }, worker));
  } finally {
    await peer.close();
  }
  const [reference, ...rest] = samplesMb;
  const drift = rest.reduce((worst, s) => Math.max(worst, Math.abs(s - reference) / reference), 0);
  return {
    calls,
    seconds: (Date.now() - started) / 1000,
    startMb,
    samplesMb,
    drift,
    flat: drift <= 0.1,
  };
}

/** The soak's report as text. */
export function formatSoak(report: SoakReport): string {
  const samples = report.samplesMb.map((s) => s.toFixed(1)).join(', ');
  const verdict = report.flat ? 'flat: within 10%' : 'NOT flat: beyond 10%';
  return `TypeMCP stdio soak: ${report.calls} calls in ${report.seconds.toFixed(1)} s; RSS ${report.startMb.toFixed(1)} MB before the first call; RSS MB every ${report.calls / report.samplesMb.length} calls: ${samples}; largest drift after warm-up ${(report.drift * 100).toFixed(2)}% (${verdict})`;
}
