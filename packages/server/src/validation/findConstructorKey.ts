/**
 * The path (`a.b[2]`, `''` for the value itself) of the first object in `value` that has an own
 * `constructor` key, or undefined. class-transformer takes `value.constructor` as the class of a
 * nested object without `@Type`, so `{ "constructor": 1 }` inside an `@IsObject()` field made it
 * throw "targetType is not a constructor"; such values are refused as invalid arguments instead.
 * The walk is iterative and visits each node once (JSON values are trees).
 *
 * @example
 * findConstructorKey({ options: { constructor: 1 } }); // 'options'
 */
export function findConstructorKey(value: unknown): string | undefined {
  const stack: Array<{ node: unknown; path: string }> = [{ node: value, path: '' }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: unknown; path: string };
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--)
        stack.push({ node: node[i], path: `${path}[${i}]` });
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(node, 'constructor')) return path;
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      stack.push({
        node: (node as Record<string, unknown>)[keys[i]],
        path: path ? `${path}.${keys[i]}` : keys[i],
      });
    }
  }
  return undefined;
}
