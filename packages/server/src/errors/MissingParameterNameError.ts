import { DefinitionError, where } from './DefinitionError';

/** A parameter has no readable name (destructured, or the source is minified) and no `@Arg({ name })`. */
export class MissingParameterNameError extends DefinitionError {
  override readonly name = 'MissingParameterNameError';
  constructor(target: Function, methodName: string, index: number) {
    super(
      `Cannot read the name of parameter #${index} of ${where(target, methodName)}: ` +
        `destructured or minified parameters need @Arg({ name: '...' }), or take a DTO class instead.`,
    );
  }
}
