import type { ContainerInstance } from 'typedi';
import { Context } from '../context/Context';
import type { ResourceReader } from '../context/Context';
import type { RequestContext } from '../dispatch/RequestContext';
import type { ParamSpec } from './buildParams';

/** What every invoker needs: how to get the instance, the container, and the resource reader. */
export interface InvocationEnv {
  /** The instance (at once when already made, else once the lifespans started). */
  instance: () => object | Promise<object>;
  container: ContainerInstance;
  reader: ResourceReader;
}

/**
 * Calls a decorated method with validated values, injecting Context where declared; answers what
 * the method answers (a value or a promise), or a promise when the instance is still being made.
 * Not async: a synchronous tool then costs its caller no microtask tick.
 */
export function invokeMethod(
  env: InvocationEnv,
  methodName: string,
  params: ParamSpec[],
  values: Map<number, unknown>,
  request: RequestContext,
): unknown {
  const made = env.instance();
  if (made instanceof Promise)
    return made.then((instance) =>
      callOn(instance, methodName, argsOf(env, params, values, request)),
    );
  return callOn(made, methodName, argsOf(env, params, values, request));
}

/** Calls the method `name` of `instance` with `args`. */
function callOn(instance: object, name: string, args: unknown[]): unknown {
  return (instance as Record<string, (...a: unknown[]) => unknown>)[name](...args);
}

/** The method's arguments by parameter index: validated values, and the Context where declared. */
function argsOf(
  env: InvocationEnv,
  params: ParamSpec[],
  values: Map<number, unknown>,
  request: RequestContext,
): unknown[] {
  const args: unknown[] = [];
  let context: Context | undefined;
  for (const param of params) {
    args[param.index] =
      param.kind === 'context'
        ? (context ??= new Context(request, env.container, env.reader))
        : values.get(param.index);
  }
  return args;
}
