import { DefinitionError } from './DefinitionError';

const SHOWN = 8;

/** A class whose decorated methods carry no `design:paramtypes` at all: the runtime emitted no decorator metadata. */
export class NoDecoratorMetadataError extends DefinitionError {
  override readonly name = 'NoDecoratorMetadataError';
  constructor(target: Function, untyped: string[], mangledNames: string[] = []) {
    const listed =
      untyped.slice(0, SHOWN).join(', ') +
      (untyped.length > SHOWN ? ` and ${untyped.length - SHOWN} more` : '');
    super(
      `${target.name} carries no decorator metadata: none of its @Tool, @Resource or @Prompt methods has ` +
        `design:paramtypes, so the types of ${listed} are unknown. The runtime or compiler that loaded it ` +
        `emitted no decorator metadata (tsx, esbuild and bundlers built on it, SWC without ` +
        `jsc.transform.decoratorMetadata, Bun without emitDecoratorMetadata never write it). ` +
        `Either give every parameter its type with @Arg, e.g. @Arg({ type: () => String }) ` +
        `(a Context parameter: @Arg({ type: () => Context })), or compile with tsc, or run with ts-node, ` +
        `with "experimentalDecorators": true and "emitDecoratorMetadata": true in tsconfig.json.` +
        (mangledNames.length > 0
          ? ` Its parameter names were mangled by a minifier too (${mangledNames.join(', ')}): keep them ` +
            `(esbuild: minifyIdentifiers: false, as --keep-names keeps only function and class names; terser: mangle: false) ` +
            `or name every argument with @Arg({ name }).`
          : ''),
    );
  }
}
