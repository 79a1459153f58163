/**
 * The limit run's section of docs/benchmarks.md: a table and the SVG chart, between two markers,
 * so the main run's rewrite (which keeps everything from `## Reading it` on) and this one never
 * touch each other's part.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { LimitResult } from './limitRun';

const BEGIN = '<!-- limit-run:begin (written by npm run bench:limit -- --write) -->';
const END = '<!-- limit-run:end -->';

const fixed = (n: number | undefined, digits: number) =>
  n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(digits);
const pct = (n: number | undefined) => (n === undefined ? '—' : `${Math.round(n * 100)}%`);

/** The markdown table of the run. */
export function limitTable(results: LimitResult[]): string {
  const lines = [
    '| row | median calls/s | median server CPU µs/call | share of its limit (median; per-round range) | target |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    const range = r.shareRange ? ` (${pct(r.shareRange[0])}–${pct(r.shareRange[1])})` : '';
    const share = r.share === undefined ? 'the limit' : `${pct(r.share)}${range}`;
    lines.push(
      `| ${r.row.name} | ${fixed(r.callsPerSecond, 0)} | ${fixed(r.cpuUsPerCall, 0)} | ${share} | ${r.row.target === undefined ? '—' : pct(r.row.target)} |`,
    );
  }
  return lines.join('\n');
}

/** The section's text, markers included. */
export function limitSection(results: LimitResult[], how: string, chartFile: string): string {
  return [
    BEGIN,
    '',
    how,
    '',
    limitTable(results),
    '',
    `![TypeMCP against the no-SDK limit](${chartFile})`,
    '',
    END,
  ].join('\n');
}

/**
 * Puts `section` into `file`: in place of the previous one, or at the end.
 *
 * @example
 * writeLimitSection('docs/benchmarks.md', limitSection(results, how, 'benchmarks-limit.svg'));
 */
export function writeLimitSection(file: string, section: string): void {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const begin = old.indexOf(BEGIN);
  const end = old.indexOf(END);
  const text =
    begin !== -1 && end > begin
      ? old.slice(0, begin) + section + old.slice(end + END.length)
      : `${old.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
}
