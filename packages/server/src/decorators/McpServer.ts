import { getMetadataStorage } from '../metadata/MetadataStorage';
import type { McpServerOptions } from './McpServerOptions';

export type { McpServerOptions } from './McpServerOptions';

/**
 * Marks a class as an MCP server; its `@Tool`, `@Resource` and `@Prompt` methods are served.
 *
 * @example
 * @McpServer({ name: 'Demo', version: '1.0.0' })
 * class Demo {
 *   @Tool() add(a: number, b: number): number { return a + b; }
 * }
 */
export function McpServer(options: McpServerOptions = {}): ClassDecorator {
  return (target) => {
    getMetadataStorage().addServer({ target, options });
  };
}
