/**
 * Issue 14, item 2: template matching is linear in the URI's length for every template. Property
 * tests (fast-check) on generated templates: adversarial URIs of 32 K characters (long runs of
 * the characters variables and separators share, with a tail that fails at the very end) match
 * or fail within a time bound; on short URIs the captures equal the old regex's.
 */
import fc from 'fast-check';
import { UriTemplate } from '@typemcp/server';
import { runProgram } from '../../src/templates/TemplateMatcher';
import { regexCaptures } from './regexOracle';

const OPERATORS = ['', '', '', '+', '#', '/', '.', ';', '?', '&'];
const name = fc.constantFrom('a', 'b', 'c', 'id', 'x');
const expression = fc
  .tuple(fc.constantFrom(...OPERATORS), fc.array(name, { minLength: 1, maxLength: 3 }))
  .map(([operator, names]) => `{${operator}${names.join(',')}}`);
const literal = fc.constantFrom('', '', '.', '/', '-', ',', 'db://', 'x', '.', '=', ';');
const template = fc
  .array(fc.tuple(literal, expression), { minLength: 1, maxLength: 6 })
  .chain((parts) => literal.map((tail) => parts.map(([l, e]) => l + e).join('') + tail));
const alphabet = ['a', '.', '/', ',', '=', ';', '-', '?', '&', '#', 'x'];
const chunk = fc
  .array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 4 })
  .map((cs) => cs.join(''));
const tail = fc.constantFrom('', '!', '#', '/', '\n', '?', ',');

/** A long URI: a prefix, one short chunk repeated, a tail that often makes the match fail last. */
const adversarial = fc
  .tuple(fc.constantFrom('db://', 'x://', '', 'a'), chunk, tail)
  .map(([prefix, unit, end]) => prefix + unit.repeat(Math.ceil(32_768 / unit.length)) + end);

const BOUND_MS = 1_000; // generous on a loaded machine; a backtracking regex takes seconds to hours

it('matches adversarial 32 K URIs against generated templates within a time bound', () => {
  fc.assert(
    fc.property(template, adversarial, (text, uri) => {
      const t = new UriTemplate(text);
      const start = performance.now();
      t.match(uri);
      expect(performance.now() - start).toBeLessThan(BOUND_MS);
    }),
    { numRuns: 150 },
  );
});

it('the issue’s templates: 64 K characters in milliseconds, not seconds', () => {
  for (const [text, uri] of [
    ['db://{table}.{column}', `db://${'a.'.repeat(32_768)}/`],
    ['x://{a}{b}{c}', `x://${'a'.repeat(65_536)}/`],
    ['x://{a}{b}{c}{d}{e}', `x://${'a'.repeat(65_536)}`],
  ]) {
    const start = performance.now();
    new UriTemplate(text).match(uri);
    expect(performance.now() - start).toBeLessThan(BOUND_MS);
  }
});

it('grows linearly: 4 × the URI costs well under 16 × the time', () => {
  const t = new UriTemplate('x://{a}{b}{c}.{d}');
  const time = (n: number) => {
    const uri = `x://${'a.'.repeat(n)}!`;
    const start = performance.now();
    for (let i = 0; i < 5; i++) t.match(uri);
    return performance.now() - start;
  };
  time(4_000); // warm up
  const small = time(16_000);
  const large = time(64_000);
  expect(large).toBeLessThan(16 * Math.max(small, 1));
});

it('binds what the old regex bound, on short URIs', () => {
  const short = fc
    .array(fc.constantFrom(...alphabet, 'b', 'c', 'id'), { maxLength: 14 })
    .map((cs) => cs.join(''));
  fc.assert(
    fc.property(
      template,
      fc.constantFrom('db://', 'x://', '', 'a', 'x'),
      short,
      (text, prefix, rest) => {
        const uri = prefix + rest;
        const expected = regexCaptures(text, uri);
        // compare raw captures, before decoding and the traversal check
        const t = new UriTemplate(text) as unknown as { program: never; slots: number };
        const got = runProgram(t.program, t.slots, uri);
        if (!expected) {
          expect(got).toBeUndefined();
          return;
        }
        expect(got).toBeDefined();
        const captures = expected.map((_, i) =>
          (got as number[])[2 * i] === -1
            ? undefined
            : uri.slice((got as number[])[2 * i], (got as number[])[2 * i + 1]),
        );
        expect(captures).toEqual(expected);
      },
    ),
    { numRuns: 3000 },
  );
});
