import { DefinitionError, where } from './DefinitionError';

/** A tool declared structured output but its return type cannot be read (a Promise, an interface). */
export class MissingReturnTypeError extends DefinitionError {
  override readonly name = 'MissingReturnTypeError';
  constructor(target: Function, methodName: string, reflected: string) {
    super(
      `Cannot infer the output type of ${where(target, methodName)}: reflection gives "${reflected}". ` +
        `Declare it with @Tool({ output: () => MyResultDto }) (or output: () => Number for a primitive).`,
    );
  }
}
