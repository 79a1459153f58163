import { DefinitionError, where } from './DefinitionError';

/** A parameter's type cannot be read by reflection (Array, Object, a union, an interface) and no thunk says it. */
export class NoExplicitTypeError extends DefinitionError {
  override readonly name = 'NoExplicitTypeError';
  constructor(target: Function, methodName: string, param: string, reflected: string) {
    super(
      `Cannot infer the type of ${where(target, methodName, param)}: reflection gives "${reflected}". ` +
        `Give it explicitly, e.g. @Arg({ type: () => [String] }) for an array of strings, ` +
        `@Arg({ type: () => Union(String, Number) }) for a union, ` +
        `@Arg({ type: () => String, optional: true }) for string | undefined, ` +
        `or use a class (DTO) with class-validator decorators instead of an interface. ` +
        `If it is a class, import it as a value (not with "import type").`,
    );
  }
}
