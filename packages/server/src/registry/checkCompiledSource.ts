import { MangledParameterNamesError } from '../errors/MangledParameterNamesError';
import { NoDecoratorMetadataError } from '../errors/NoDecoratorMetadataError';
import { where } from '../errors/DefinitionError';
import { getMetadataStorage } from '../metadata/MetadataStorage';
import { looksMinified, readParameterNames } from '../metadata/readParameterNames';
import type { SourceParameter } from '../metadata/readParameterNames';
import { typeOfDefault } from '../metadata/reflectType';

/** One decorated method of a class, as compiled. */
interface CompiledMethod {
  methodName: string;
  fn: Function;
  params: SourceParameter[];
  hasMetadata: boolean;
}

const methodsCache = new WeakMap<Function, CompiledMethod[]>();
const mangledCache = new WeakMap<Function, boolean>();

/** The `@Tool`/`@Resource`/`@Prompt` methods of a class (own and inherited), read once. */
function compiledMethods(target: Function): CompiledMethod[] {
  let methods = methodsCache.get(target);
  if (!methods) {
    methods = [];
    for (const member of getMetadataStorage().membersOf(target)) {
      const fn = (member.target.prototype as Record<string, unknown>)[member.methodName];
      if (typeof fn !== 'function' || methods.some((m) => m.methodName === member.methodName))
        continue;
      const hasMetadata =
        Reflect.getMetadata('design:paramtypes', member.target.prototype, member.methodName) !==
        undefined;
      methods.push({
        methodName: member.methodName,
        fn,
        params: readParameterNames(fn),
        hasMetadata,
      });
    }
    methodsCache.set(target, methods);
  }
  return methods;
}

/**
 * Strong evidence that a minifier renamed the parameters: every decorated method with parameters
 * reads as minified source, and every one of their parameters has a one- or two-character name.
 * A class whose minified methods keep one longer name was minified with names kept; a readable
 * `add(a, b)` (tsc keeps `) {`) is never suspected.
 */
export function classLooksMangled(target: Function): boolean {
  let mangled = mangledCache.get(target);
  if (mangled === undefined) {
    const withParams = compiledMethods(target).filter((m) => m.params.length > 0);
    mangled =
      withParams.length > 0 &&
      withParams.every((m) => m.params.every((p) => (p.name?.length ?? 0) <= 2)) &&
      withParams.every((m) => looksMinified(m.fn));
    mangledCache.set(target, mangled);
  }
  return mangled;
}

/**
 * Refuses a class that carries no decorator metadata at all (no decorated method has
 * `design:paramtypes`) while some parameter depends on it: the runtime or compiler that loaded it
 * emits none (tsx, esbuild, SWC, Bun without the option), and one error says so for the class.
 */
export function assertDecoratorMetadata(target: Function): void {
  const methods = compiledMethods(target);
  if (methods.some((m) => m.hasMetadata)) return;
  const args = getMetadataStorage();
  const untyped: string[] = [];
  for (const method of methods) {
    const given = args.argsOf(target, method.methodName);
    method.params.forEach((param, index) => {
      const arg = given.find((a) => a.index === index);
      if (arg?.type || arg?.schema || arg?.enum || typeOfDefault(param.defaultValue)) return;
      untyped.push(where(target, method.methodName, arg?.name ?? param.name ?? `#${index}`));
    });
  }
  if (untyped.length === 0) return;
  const mangled = classLooksMangled(target)
    ? methods.flatMap((m) => m.params.map((p) => p.name ?? '?'))
    : [];
  throw new NoDecoratorMetadataError(target, untyped, [...new Set(mangled)]);
}

/**
 * Refuses arguments that would be served under a minifier's names: `names` are the arguments of
 * `target.methodName` named from the source (no `@Arg({ name })`), checked when the class looks
 * mangled ({@link classLooksMangled}).
 */
export function assertReadableNames(target: Function, methodName: string, names: string[]): void {
  if (names.length > 0 && classLooksMangled(target))
    throw new MangledParameterNamesError(target, methodName, names);
}
