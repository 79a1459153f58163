import { DefinitionError, where } from './DefinitionError';

/** `@Arg({ enum })` or an enum type thunk that gives no values: no argument could ever pass. */
export class EmptyEnumError extends DefinitionError {
  override readonly name = 'EmptyEnumError';
  constructor(target: Function, methodName: string, param: string) {
    super(
      `${where(target, methodName, param)} allows no value: its enum is empty. ` +
        `List the allowed values, e.g. @Arg({ enum: ['asc', 'desc'] }), or pass a TypeScript enum with members.`,
    );
  }
}
