import type { Icon } from '@typemcp/protocol';
import type { Lifespan } from '../context/lifespan';

/** Options of the `@McpServer` decorator. */
export interface McpServerOptions {
  /** Programmatic name (`serverInfo.name`); default: the class name. */
  name?: string;
  /** Version of the server (default '0.0.0'). */
  version?: string;
  /** Human-readable name. */
  title?: string;
  /** What the server does. */
  description?: string;
  /** Guidance for the model on how to use this server. */
  instructions?: string;
  /** Icons clients may show. */
  icons?: Icon[];
  /** Home page. */
  websiteUrl?: string;
  /** Starts services before the first request and stops them at shutdown. */
  lifespan?: Lifespan;
  /** OAuth scopes needed for every tool, resource and prompt of this class (see `ToolOptions.scopes`). */
  scopes?: string[];
}
