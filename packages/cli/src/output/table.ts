/**
 * Lays rows out in aligned columns, the last column cut to the terminal's width.
 *
 * @example
 * table([['NAME', 'DESCRIPTION'], ['add', 'Add two numbers']]);
 */
export function table(rows: string[][], width: number = process.stdout.columns || 100): string {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const widths: number[] = [];
  for (let c = 0; c < columns - 1; c++)
    widths[c] = Math.min(40, Math.max(0, ...rows.map((r) => visible(r[c] ?? '').length)));
  return rows
    .map((row) => {
      const cells = row.map((cell, c) => {
        const flat = cell.replace(/\s+/g, ' ');
        if (c < columns - 1) return pad(cut(flat, widths[c] ?? 0), widths[c] ?? 0);
        const used = widths.reduce((sum, w) => sum + w + 2, 2);
        return cut(flat, Math.max(20, width - used));
      });
      return `  ${cells.join('  ')}`.trimEnd();
    })
    .join('\n');
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function visible(text: string): string {
  return text.replace(ANSI, '');
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visible(text).length));
}

/** Cuts plain text to `max` characters; coloured text (a header) is short and left whole. */
function cut(text: string, max: number): string {
  if (visible(text) !== text || text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}
