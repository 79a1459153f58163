import { DefinitionError } from './DefinitionError';

/** An optional package a feature needs is not installed. */
export class MissingPackageError extends DefinitionError {
  override readonly name = 'MissingPackageError';
  constructor(packageName: string, feature: string) {
    super(
      `${feature} needs the package ${packageName}: install it with \`npm install ${packageName}\`.`,
    );
  }
}
