import type { CompleteFn, TypeThunk } from '../metadata/thunks';

/** Options of the `@Arg` decorator. */
export interface ArgOptions {
  /** The argument's name on the wire; default: the parameter's name. */
  name?: string;
  /** What the argument means, for the model. */
  description?: string;
  /** The type where reflection cannot tell: `() => [String]`, `() => MyEnum`, `() => MyDto`. */
  type?: TypeThunk;
  /** Default value (makes the argument optional). */
  default?: unknown;
  /**
   * The argument may be omitted (the method then gets `undefined`). Reflection cannot see a `?`
   * (`title?: string` reflects as `String`), so say it here.
   */
  optional?: boolean;
  /**
   * The allowed values, where reflection sees only `String`/`Number`: a literal union
   * (`enum: ['asc', 'desc']`) or a TypeScript enum object (`enum: Order`). Values outside are refused.
   */
  enum?: ReadonlyArray<string | number | boolean | null> | object;
  /** A JSON Schema used as is (no conversion, no validation beyond it). */
  schema?: Record<string, unknown>;
  /** Suggests values (`completion/complete`) for a prompt argument or a template variable. */
  complete?: CompleteFn;
  /**
   * Mirror this (primitive) tool argument into the `Mcp-Param-{header}` HTTP header
   * (2026-07-28 `x-mcp-header`), so gateways can route on it; the server checks header and body agree.
   */
  header?: string;
}
