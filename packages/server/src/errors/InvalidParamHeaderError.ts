import { DefinitionError, where } from './DefinitionError';

/** `@Arg({ header })` breaks the 2026-07-28 `x-mcp-header` rules. */
export class InvalidParamHeaderError extends DefinitionError {
  override readonly name = 'InvalidParamHeaderError';
  constructor(target: Function, methodName: string, param: string, header: string) {
    super(
      `${where(target, methodName, param)}: @Arg({ header: ${JSON.stringify(header)} }) needs an HTTP token name ` +
        `and a string, integer (type: () => Integer) or boolean parameter (2026-07-28 x-mcp-header rules).`,
    );
  }
}
