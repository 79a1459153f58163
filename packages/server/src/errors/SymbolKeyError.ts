import { DefinitionError } from './DefinitionError';

/** A decorator was put on a symbol-keyed method. */
export class SymbolKeyError extends DefinitionError {
  override readonly name = 'SymbolKeyError';
  constructor(target: Function, key: symbol) {
    super(
      `${target.name}[${String(key)}]: MCP tools, resources and prompts need string method names, not symbols. ` +
        `Rename the method, or add a string-named method that calls it and decorate that one.`,
    );
  }
}
