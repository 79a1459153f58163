import { DefinitionError, where } from './DefinitionError';

/** A tool, resource or prompt method takes `...rest` parameters, which have no argument name. */
export class RestParameterError extends DefinitionError {
  override readonly name = 'RestParameterError';
  constructor(target: Function, methodName: string, param: string) {
    super(
      `${where(target, methodName, `...${param}`)}: a rest parameter cannot be an MCP argument. ` +
        `Take an array instead: ${param}: string[] with @Arg({ type: () => [String] }).`,
    );
  }
}
