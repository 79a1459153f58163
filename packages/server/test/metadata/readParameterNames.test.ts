import { looksMinified, readParameterNames } from '../../src/metadata/readParameterNames';

/* eslint-disable @typescript-eslint/no-unused-vars */
class Sample {
  plain(a: number, b: string) {}
  async fetch(url = 'http://x//y', /* a comment ( with ) brackets */ retries = 2) {}
  commented(
    a: number, // a trailing comment (
    b = ')',
    c = `x${1 + 2})`,
  ) {}
  regex(re = /\)[/,]/.source, z = 3) {}
  *generator(first = true, second = null) {}
  async *asyncGenerator(a = -1.5e3) {}
  ['computed(name)'](q: string) {}
  destructured({ x }: { x: number }, [y]: number[]) {}
  nested(a = [1, 2], o = { k: 'v,w' }, f = (x: number) => x + 1, d = 'say "hi"', s = "it's") {}
  rest(first: string, ...others: string[]) {}
  comparisons(a = 1 >= 2, b = 2) {}
}
const sample = Sample.prototype as unknown as Record<string, Function>;
const names = (key: string) => readParameterNames(sample[key]).map((p) => p.name);

describe('readParameterNames', () => {
  it.each([
    ['plain', ['a', 'b']],
    ['fetch', ['url', 'retries']],
    ['commented', ['a', 'b', 'c']],
    ['regex', ['re', 'z']],
    ['generator', ['first', 'second']],
    ['asyncGenerator', ['a']],
    ['computed(name)', ['q']],
    ['destructured', [undefined, undefined]],
    ['nested', ['a', 'o', 'f', 'd', 's']],
    ['rest', ['first', 'others']],
    ['comparisons', ['a', 'b']],
  ])('%s', (key, expected) => {
    expect(names(key)).toEqual(expected);
  });

  it('reads literal defaults, and notes non-literal ones without a value', () => {
    expect(readParameterNames(sample.fetch)).toEqual([
      { name: 'url', hasDefault: true, defaultValue: 'http://x//y', rest: false },
      { name: 'retries', hasDefault: true, defaultValue: 2, rest: false },
    ]);
    expect(readParameterNames(sample.nested).map((p) => [p.hasDefault, p.defaultValue])).toEqual([
      [true, undefined],
      [true, undefined],
      [true, undefined],
      [true, 'say "hi"'],
      [true, "it's"],
    ]);
    expect(readParameterNames(sample.generator).map((p) => p.defaultValue)).toEqual([true, null]);
    expect(readParameterNames(sample.asyncGenerator)[0].defaultValue).toBe(-1500);
    expect(readParameterNames(sample.commented)[1].defaultValue).toBe(')');
    expect(readParameterNames(sample.rest)[1]).toEqual({
      name: 'others',
      hasDefault: false,
      rest: true,
    });
  });

  it('reads plain functions and arrow functions', () => {
    expect(readParameterNames(function named(x: number, y = 'a') {}).map((p) => p.name)).toEqual([
      'x',
      'y',
    ]);
    expect(
      readParameterNames((left: number, right: number) => left + right).map((p) => p.name),
    ).toEqual(['left', 'right']);
    expect(readParameterNames(((only: number) => only) as Function).map((p) => p.name)).toEqual([
      'only',
    ]);
    expect(readParameterNames(() => 1)).toEqual([]);
  });
});

describe('looksMinified: a minifier prints one line with no space before the body', () => {
  const method = (source: string, name: string) =>
    (new Function(`return ${source}`)() as { prototype: Record<string, Function> }).prototype[name];
  it.each([
    ['class A{add(t,r){return t+r}}', 'add', true],
    ['class A{async run(t){await t}}', 'run', true],
    ['class A{f(t="a) {"){return t}}', 'f', true],
    ['class A { add(t, r) { return t + r; } }', 'add', false],
    ['class A {\n  add(a, b) {\n    return a + b;\n  }\n}', 'add', false],
  ])('%s', (source, name, expected) => {
    expect(looksMinified(method(source, name))).toBe(expected);
  });
  it('is false for methods compiled by tsc', () => {
    expect(looksMinified(Sample.prototype.plain)).toBe(false);
    expect(looksMinified(Sample.prototype.commented)).toBe(false);
  });
});
