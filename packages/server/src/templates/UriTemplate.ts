import { ProgramBuilder, runProgram } from './TemplateMatcher';
import type { Instruction } from './TemplateMatcher';

/** One expression of a template: its operator and variable names. */
interface Expression {
  operator: '' | '+' | '#' | '/' | '?' | '&' | '.' | ';';
  names: string[];
}

const OPERATORS = new Set(['+', '#', '/', '?', '&', '.', ';']);
const QUERY = '\u0000query';

/** A simple variable's characters: anything but `/`, `?`, `#` and `,`. */
const isSimple = (code: number) => code !== 47 && code !== 63 && code !== 35 && code !== 44;
/** A reserved (`{+x}`, `{#x}`) variable's characters: anything but a line break. */
const isNotLineBreak = (code: number) =>
  code !== 10 && code !== 13 && code !== 0x2028 && code !== 0x2029;
const isQueryStart = (code: number) => code === 63 || code === 38;
const isNotFragment = (code: number) => code !== 35;

/** The literal text before the `i`th variable of an expression. */
function separator(operator: Expression['operator'], i: number): string {
  if (i > 0) return operator === '/' ? '/' : ',';
  return { '': '', '+': '', '#': '#', '/': '/', '.': '.', ';': ';', '?': '', '&': '' }[operator];
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** True when a decoded value would climb out of its place (`..` segments, NUL). */
function isTraversal(value: string): boolean {
  return value.includes('\0') || value.split(/[\\/]/).some((segment) => segment === '..');
}

/**
 * An RFC 6570 URI template (levels 1–3 plus `{/var}`, `{?a,b}`, `{&a}`): lists its variables,
 * matches a URI exactly and binds the variables, rejecting path traversal. Matching runs in time
 * linear in the URI's length for every template (see `TemplateMatcher`), adjacent variables
 * included: `{a}{b}` gives `a` all it can and `b` the rest, as a greedy regex would.
 *
 * @example
 * new UriTemplate('users://{id}/posts{?limit}').match('users://7/posts?limit=3'); // { id: '7', limit: '3' }
 */
export class UriTemplate {
  private readonly program: Instruction[];
  private readonly slots: number;
  private readonly captures: Array<{ name: string; operator: string }> = [];
  private readonly queryNames: string[] = [];
  /** Every variable name, in order. */
  readonly variables: string[] = [];

  constructor(readonly template: string) {
    const builder = new ProgramBuilder();
    let last = 0;
    const expressions = /\{([^}]*)\}/g;
    let m: RegExpExecArray | null;
    while ((m = expressions.exec(template))) {
      builder.literal(template.slice(last, m.index));
      last = m.index + m[0].length;
      const expression = this.parse(m[1]);
      this.variables.push(...expression.names);
      if (expression.operator === '?' || expression.operator === '&') {
        this.queryNames.push(...expression.names);
        builder.optionalTail(isQueryStart, isNotFragment);
        this.captures.push({ name: QUERY, operator: expression.operator });
        continue;
      }
      for (const [i, name] of expression.names.entries()) {
        builder.literal(separator(expression.operator, i));
        if (expression.operator === ';') {
          builder.literal(name);
          builder.optionalLiteral('=');
        }
        const reserved = expression.operator === '+' || expression.operator === '#';
        builder.capture(reserved ? isNotLineBreak : isSimple, reserved);
        this.captures.push({ name, operator: expression.operator });
      }
    }
    builder.literal(template.slice(last));
    this.slots = builder.slots;
    this.program = builder.finish();
  }

  private parse(body: string): Expression {
    const operator = (OPERATORS.has(body[0]) ? body[0] : '') as Expression['operator'];
    const names = (operator ? body.slice(1) : body)
      .split(',')
      .map((n) => n.trim().replace(/\*$/, '').replace(/:\d+$/, ''));
    return { operator, names: names.filter(Boolean) };
  }

  /** True when the template has no variables (a fixed URI). */
  get isFixed(): boolean {
    return this.variables.length === 0;
  }

  /** Binds the variables of `uri`, or returns undefined when it does not match (or traverses). */
  match(uri: string): Record<string, string> | undefined {
    const m = runProgram(this.program, this.slots, uri);
    if (!m) return undefined;
    const values: Record<string, string> = {};
    for (const [i, capture] of this.captures.entries()) {
      if (m[2 * i] === -1 || m[2 * i + 1] === -1) continue;
      const raw = uri.slice(m[2 * i], m[2 * i + 1]);
      if (capture.name === QUERY) {
        for (const pair of raw.split('&')) {
          if (!pair) continue;
          const eq = pair.indexOf('=');
          const key = decode(eq === -1 ? pair : pair.slice(0, eq));
          const value = decode(eq === -1 ? '' : pair.slice(eq + 1).replace(/\+/g, ' '));
          if (key === undefined || value === undefined) return undefined;
          if (!this.queryNames.includes(key)) return undefined;
          if (isTraversal(value)) return undefined;
          values[key] = value;
        }
        continue;
      }
      const value = decode(raw);
      if (value === undefined || isTraversal(value)) return undefined;
      if (capture.operator === '' && value.includes('/')) return undefined;
      values[capture.name] = value;
    }
    return values;
  }

  /** Expands the template with values (simple percent-encoding). */
  expand(values: Record<string, string>): string {
    return this.template.replace(/\{([^}]*)\}/g, (_all, body: string) => {
      const { operator, names } = this.parse(body);
      const present = names.filter((n) => values[n] !== undefined);
      const enc = (v: string) =>
        operator === '+' || operator === '#' ? encodeURI(v) : encodeURIComponent(v);
      if (operator === '?' || operator === '&') {
        return present.length
          ? `${operator}${present.map((n) => `${n}=${enc(values[n])}`).join('&')}`
          : '';
      }
      const prefix = operator === '+' || operator === '' ? '' : operator;
      const sep = operator === '/' ? '/' : ',';
      return present.length ? prefix + present.map((n) => enc(values[n])).join(sep) : '';
    });
  }
}
