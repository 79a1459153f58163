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

/** After one of these characters a `/` starts a regular expression, not a division. */
const REGEX_PRECEDERS = new Set([
  '',
  '(',
  ',',
  '=',
  ':',
  '[',
  '!',
  '&',
  '|',
  '?',
  '{',
  '}',
  ';',
  '+',
  '-',
  '*',
  '%',
  '<',
  '>',
  '~',
  '^',
]);

/**
 * Two views of the same source, of the same length: `code` with comments blanked out, and
 * `masked` where, in addition, the insides of strings, templates and regular expressions are
 * blanked, so brackets, commas and `=` found in `masked` are real syntax.
 */
function scan(source: string): { code: string; masked: string } {
  const code = source.split('');
  const masked = source.split('');
  const blank = (from: number, to: number, inCode: boolean) => {
    for (let k = from; k < to; k++) {
      if (source[k] === '\n') continue;
      masked[k] = ' ';
      if (inCode) code[k] = ' ';
    }
  };
  let previous = ''; // last significant character, for telling a regex from a division
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      blank(i, stop, true);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      blank(i, stop, true);
      i = stop;
    } else if (
      c === "'" ||
      c === '"' ||
      c === '`' ||
      (c === '/' && REGEX_PRECEDERS.has(previous))
    ) {
      let j = i + 1;
      let inClass = false; // a `/` inside `[...]` does not end a regex
      let braces = 0; // `${ ... }` nesting inside a template
      for (; j < source.length; j++) {
        const d = source[j];
        if (d === '\\') {
          j++;
        } else if (c === '`' && d === '$' && source[j + 1] === '{') {
          braces++;
          j++;
        } else if (c === '`' && braces > 0 && d === '}') {
          braces--;
        } else if (c === '/' && d === '[') {
          inClass = true;
        } else if (c === '/' && d === ']') {
          inClass = false;
        } else if (d === c && braces === 0 && !inClass) {
          break;
        }
      }
      blank(i + 1, j, false);
      i = j + 1;
      previous = 'x';
    } else {
      if (!/\s/.test(c)) previous = /[\w$)\]]/.test(c) ? 'x' : c;
      i++;
    }
  }
  return { code: code.join(''), masked: masked.join('') };
}

/** Index ranges of the comma-separated parts of `masked`, ignoring nested brackets. */
function splitTopLevel(masked: string): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push([start, i]);
      start = i + 1;
    }
  }
  if (masked.slice(start).trim()) parts.push([start, masked.length]);
  return parts;
}

/** The index of the `=` that starts a default value, or -1. */
function defaultAt(masked: string): number {
  let depth = 0;
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (
      c === '=' &&
      depth === 0 &&
      masked[i + 1] !== '>' &&
      masked[i + 1] !== '=' &&
      !'=!<>'.includes(masked[i - 1] ?? '')
    )
      return i;
  }
  return -1;
}

function parseLiteral(text: string): { ok: boolean; value?: unknown } {
  const t = text.trim();
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return { ok: true, value: Number(t) };
  if (t === 'true' || t === 'false') return { ok: true, value: t === 'true' };
  if (t === 'null') return { ok: true, value: null };
  const quote = t[0];
  if (
    (quote === "'" || quote === '"' || quote === '`') &&
    t.endsWith(quote) &&
    t.length >= 2 &&
    !t.includes('${')
  ) {
    try {
      const body = t.slice(1, -1).replace(/\\'/g, "'").replace(/\\`/g, '`');
      return {
        ok: true,
        value: JSON.parse(`"${quote === '"' ? body : body.replace(/(^|[^\\])"/g, '$1\\"')}"`),
      };
    } catch {
      return { ok: false };
    }
  }
  return { ok: false };
}

/** The indexes of the `(` and `)` around the parameter list in `masked`, or undefined (`x => ...`). */
function parameterList(masked: string): [number, number] | undefined {
  // The parameter list is the first `(` outside a computed key (`['name'](a) {}`).
  let open = -1;
  for (let i = 0, depth = 0; i < masked.length; i++) {
    const c = masked[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '(' && depth === 0) {
      open = i;
      break;
    } else if (c === '=' && masked[i + 1] === '>' && depth === 0) {
      return undefined; // `x => ...`: an arrow function with one bare parameter
    }
  }
  if (open === -1) return undefined;
  for (let i = open, depth = 0; i < masked.length; i++) {
    if (masked[i] === '(') depth++;
    else if (masked[i] === ')' && --depth === 0) return [open, i];
  }
  return undefined;
}

/**
 * True when a method's source reads as a minifier's output: one line, and no space between its
 * parameter list and its body (`add(t,r){return t+r}`). Compilers that keep formatting (tsc,
 * esbuild and SWC without minification, Bun) always print `) {`.
 *
 * @example
 * looksMinified(Demo.prototype.add); // false for tsc output, true after esbuild --minify
 */
export function looksMinified(fn: Function): boolean {
  const source = Function.prototype.toString.call(fn);
  if (source.includes('\n')) return false;
  const { masked } = scan(source);
  const list = parameterList(masked);
  return list !== undefined && masked[list[1] + 1] === '{';
}

/**
 * Reads the parameters of a method from its source text (`Function.prototype.toString`), so
 * `add(a, b)` needs no decorator to name its arguments. Comments, strings, templates and regular
 * expressions in defaults are understood; a destructured parameter has no name.
 *
 * @example
 * readParameterNames(Demo.prototype.add); // [{ name: 'a', ... }, { name: 'b', ... }]
 */
export function readParameterNames(fn: Function): SourceParameter[] {
  const { code, masked } = scan(Function.prototype.toString.call(fn));
  const list = parameterList(masked);
  if (!list) {
    const bare = /^\s*(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>/.exec(code);
    return bare ? [{ name: bare[1], hasDefault: false, rest: false }] : [];
  }
  const [open, close] = list;
  const body = code.slice(open + 1, close);
  const bodyMasked = masked.slice(open + 1, close);
  return splitTopLevel(bodyMasked).map(([from, to]) => {
    let text = body.slice(from, to);
    let textMasked = bodyMasked.slice(from, to);
    const lead = text.length - text.trimStart().length;
    text = text.slice(lead);
    textMasked = textMasked.slice(lead);
    const rest = text.startsWith('...');
    if (rest) {
      text = text.slice(3);
      textMasked = textMasked.slice(3);
    }
    const eq = defaultAt(textMasked);
    const head = (eq === -1 ? text : text.slice(0, eq)).trim();
    const literal = eq === -1 ? { ok: false } : parseLiteral(text.slice(eq + 1));
    return {
      name: /^[A-Za-z_$][\w$]*$/.test(head) ? head : undefined,
      hasDefault: eq !== -1,
      defaultValue: literal.ok ? literal.value : undefined,
      rest,
    };
  });
}
