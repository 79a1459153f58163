/** What a type thunk may return: a constructor, an enum object, or a one-element array of either. */
export type TypeValue = Function | object | [Function | object];

/** A type given lazily (`() => [String]`), so classes declared later resolve. */
export type TypeThunk = () => TypeValue;

/** Suggests values for an argument being typed. */
export type CompleteFn = (
  value: string,
  context: { arguments: Record<string, string> },
) => string[] | Promise<string[]>;
