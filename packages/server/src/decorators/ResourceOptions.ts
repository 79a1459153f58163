import type { Annotations, Icon } from '@typemcp/protocol';

/** Options of the `@Resource` decorator. */
export interface ResourceOptions {
  /** The resource's name; default: the method's name. */
  name?: string;
  /** Human-readable name. */
  title?: string;
  /** What the resource holds. */
  description?: string;
  /** Its MIME type (default: text/plain for text, application/json for objects, application/octet-stream for bytes). */
  mimeType?: string;
  /** Icons clients may show. */
  icons?: Icon[];
  /** Audience, priority, lastModified. */
  annotations?: Annotations;
  /** Size in bytes, if known. */
  size?: number;
  /**
   * For a template: the name of a method of the same class that lists its concrete resources
   * (returning `Array<{ uri, name?, ... } | string>`), served in `resources/list`.
   */
  list?: string;
  /**
   * OAuth scopes a caller needs (all of them) to use this resource; with the server's class scopes
   * added. A caller without them does not see it listed, and using it is refused: over HTTP with
   * 403 `insufficient_scope` naming the scopes (step-up), elsewhere with a -32600 error. Applies
   * to authenticated requests (`ctx.auth` set); see docs/auth.md.
   */
  scopes?: string[];
}
