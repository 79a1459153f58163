import { DefinitionError, where } from './DefinitionError';

/** A URI template variable has no method parameter of the same name. */
export class TemplateVariableWithoutParameterError extends DefinitionError {
  override readonly name = 'TemplateVariableWithoutParameterError';
  constructor(target: Function, methodName: string, template: string, variable: string) {
    super(
      `The template "${template}" of ${where(target, methodName)} has the variable {${variable}} but the method has no parameter named "${variable}". ` +
        `Add the parameter, or rename it with @Arg({ name: '${variable}' }).`,
    );
  }
}
