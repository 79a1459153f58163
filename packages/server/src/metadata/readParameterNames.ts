/** One parameter as written in the method's source. */
export interface SourceParameter {
  /** Its name, or undefined for a destructured parameter. */
  name?: string;
  /** True when the source gives a default value. */
  hasDefault: boolean;
  /** The default, when it is a plain literal (string, number, boolean, null). */
  defaultValue?: unknown;
  /** True for `...rest`. */
  rest: boolean;
}

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}

function parseLiteral(text: string): { ok: boolean; value?: unknown } {
  const t = text.trim();
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return { ok: true, value: Number(t) };
  if (t === 'true' || t === 'false') return { ok: true, value: t === 'true' };
  if (t === 'null') return { ok: true, value: null };
  const quote = t[0];
  if ((quote === "'" || quote === '"' || quote === '`') && t.endsWith(quote) && !t.includes('${')) {
    try {
      return { ok: true, value: quote === '"' ? JSON.parse(t) : JSON.parse(`"${t.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) };
    } catch {
      return { ok: false };
    }
  }
  return { ok: false };
}

/** Splits `text` on commas that are not nested in brackets or strings. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  const last = text.slice(start);
  if (last.trim()) parts.push(last);
  return parts;
}

/**
 * Reads the parameters of a method from its source text (`Function.prototype.toString`), so
 * `add(a, b)` needs no decorator to name its arguments.
 *
 * @example
 * readParameterNames(Demo.prototype.add); // [{ name: 'a', ... }, { name: 'b', ... }]
 */
export function readParameterNames(fn: Function): SourceParameter[] {
  const source = stripComments(Function.prototype.toString.call(fn));
  const open = source.indexOf('(');
  if (open === -1) return [];
  let depth = 0;
  let close = -1;
  let quote: string | undefined;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) {
      close = i;
      break;
    }
  }
  if (close === -1) return [];
  return splitTopLevel(source.slice(open + 1, close)).map((raw) => {
    let text = raw.trim();
    const rest = text.startsWith('...');
    if (rest) text = text.slice(3).trim();
    const eq = splitDefault(text);
    const head = eq.head.trim();
    const literal = eq.defaultText === undefined ? { ok: false } : parseLiteral(eq.defaultText);
    const name = /^[A-Za-z_$][\w$]*$/.test(head) ? head : undefined;
    return {
      name,
      hasDefault: eq.defaultText !== undefined,
      defaultValue: literal.ok ? literal.value : undefined,
      rest,
    };
  });
}

function splitDefault(text: string): { head: string; defaultText?: string } {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === '=' && depth === 0 && text[i + 1] !== '>' && text[i + 1] !== '=') {
      return { head: text.slice(0, i), defaultText: text.slice(i + 1) };
    }
  }
  return { head: text };
}
