import { SymbolKeyError } from '../errors/SymbolKeyError';
import { getMetadataStorage } from '../metadata/MetadataStorage';
import type { ResourceOptions } from './ResourceOptions';

export type { ResourceOptions } from './ResourceOptions';

/**
 * Exposes a method as an MCP resource. A URI with `{variables}` is an RFC 6570 template whose
 * variables bind to the method's parameters by name.
 *
 * @example
 * @Resource('greeting://{name}')
 * greeting(name: string): string { return `Hello, ${name}!`; }
 */
export function Resource(uri: string, options: ResourceOptions = {}): MethodDecorator {
  return (prototype, key) => {
    if (typeof key === 'symbol') throw new SymbolKeyError(prototype.constructor, key);
    getMetadataStorage().addMember({
      kind: 'resource',
      target: prototype.constructor,
      methodName: key,
      uri,
      name: options.name ?? key,
      title: options.title,
      description: options.description,
      mimeType: options.mimeType,
      icons: options.icons,
      annotations: options.annotations,
      size: options.size,
      listMethod: options.list,
      scopes: options.scopes,
    });
  };
}
