import { DefinitionError, where } from './DefinitionError';

/** Two tools, prompts or resources share a name (or URI). */
export class DuplicateNameError extends DefinitionError {
  override readonly name = 'DuplicateNameError';
  constructor(
    kind: string,
    name: string,
    first: { target: Function; methodName: string },
    second: { target: Function; methodName: string },
  ) {
    super(
      `Duplicate ${kind} "${name}": declared by ${where(first.target, first.methodName)} and ${where(second.target, second.methodName)}. ` +
        `Give one of them another name (e.g. @Tool({ name: '...' })).`,
    );
  }
}
