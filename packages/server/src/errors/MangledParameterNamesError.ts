import { DefinitionError, where } from './DefinitionError';

/** The class was minified and its parameter names mangled: its arguments would be called `t` and `r`. */
export class MangledParameterNamesError extends DefinitionError {
  override readonly name = 'MangledParameterNamesError';
  constructor(target: Function, methodName: string, names: string[]) {
    super(
      `${where(target, methodName)} looks minified: its arguments would be called ${names.map((n) => `"${n}"`).join(', ')} ` +
        `(every decorated method of ${target.name} is minified source and every parameter has a one- or two-letter name). ` +
        `Keep parameter names when minifying (esbuild: minifyIdentifiers: false, as --keep-names keeps only function ` +
        `and class names; terser: mangle: false), or name every argument with @Arg({ name: '...' }). ` +
        `If you chose these short names yourself, confirm each with @Arg({ name }).`,
    );
  }
}
