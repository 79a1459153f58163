/**
 * The limit run as an SVG bar chart, written by hand (no charting dependency): one bar per
 * TypeMCP row, its length the median share of the no-SDK limit, a tick at the row's target.
 */
import type { LimitResult } from './limitRun';

const WIDTH = 800;
const LABEL = 330;
const BAR = 340;
const ROW = 34;
const TOP = 46;

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const pct = (share: number) => `${Math.round(share * 100)}%`;

/** One row: label, bar, the per-round range, the target tick, the figure. */
function bar(result: LimitResult, y: number): string {
  const share = result.share ?? 0;
  const [low, high] = result.shareRange ?? [share, share];
  const x = (s: number) => (LABEL + Math.min(1, s) * BAR).toFixed(1);
  const target = result.row.target ?? 0;
  const color = share >= target ? '#2f7d4f' : '#c0504d';
  return [
    `<text x="${LABEL - 8}" y="${y + 17}" text-anchor="end">${escape(result.row.name)}</text>`,
    `<rect x="${LABEL}" y="${y + 5}" width="${(Math.min(1, share) * BAR).toFixed(1)}" height="18" fill="${color}"/>`,
    `<line x1="${x(low)}" y1="${y + 14}" x2="${x(high)}" y2="${y + 14}" stroke="#222" stroke-width="1"/>`,
    `<line x1="${x(target)}" y1="${y + 1}" x2="${x(target)}" y2="${y + 27}" stroke="#222" stroke-width="2" stroke-dasharray="3 2"/>`,
    `<text x="${LABEL + BAR + 8}" y="${y + 17}">${pct(share)} (target ${pct(target)})</text>`,
  ].join('\n  ');
}

/**
 * The SVG document of the rows that have a limit.
 *
 * @example
 * writeFileSync('docs/benchmarks-limit.svg', limitChart(results, 'Node v20, 2 cores (shared)'));
 */
export function limitChart(results: LimitResult[], subtitle: string): string {
  const rows = results.filter((r) => r.share !== undefined);
  const height = TOP + rows.length * ROW + 34;
  const grid = [0, 0.25, 0.5, 0.75, 1].map((s) => {
    const x = (LABEL + s * BAR).toFixed(1);
    return `<line x1="${x}" y1="${TOP - 4}" x2="${x}" y2="${height - 30}" stroke="#ddd"/>\n  <text x="${x}" y="${height - 14}" text-anchor="middle">${pct(s)}</text>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `  <rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    `  <text x="10" y="18" font-size="14" font-weight="bold">TypeMCP, share of the no-SDK limit (median calls/s; whisker: per-round range; dashes: target)</text>`,
    `  <text x="10" y="34" fill="#555">${escape(subtitle)}</text>`,
    `  ${grid.join('\n  ')}`,
    `  ${rows.map((r, i) => bar(r, TOP + i * ROW)).join('\n  ')}`,
    '</svg>',
    '',
  ].join('\n');
}
