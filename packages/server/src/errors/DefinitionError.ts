/** Base of start-up errors: a server definition that cannot work, with the fix in the message. */
export class DefinitionError extends Error {
  override readonly name: string = 'DefinitionError';
}

/** Names `Class.method(param)` for error messages. */
export function where(target: Function, methodName: string, param?: string): string {
  return `${target.name}.${methodName}${param === undefined ? '' : `(${param})`}`;
}
