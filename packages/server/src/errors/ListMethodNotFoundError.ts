import { DefinitionError, where } from './DefinitionError';

/** `@Resource(template, { list })` names a method the class does not have. */
export class ListMethodNotFoundError extends DefinitionError {
  override readonly name = 'ListMethodNotFoundError';
  constructor(target: Function, methodName: string, template: string, listMethod: string) {
    super(
      `The template "${template}" of ${where(target, methodName)} is listed by "${listMethod}", but ${target.name} has no method of that name. ` +
        `Add ${target.name}.${listMethod}() returning the template's resources (URIs or { uri, name } objects), or fix the name in @Resource(..., { list }).`,
    );
  }
}
