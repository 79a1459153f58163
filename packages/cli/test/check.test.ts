/**
 * `typemcp check` as a child process: every loss between a decorated method's TypeScript
 * signature and its runtime schema is one line naming Class.method(param), both sides and the fix.
 */
import { QUICKSTART, tempProject, typemcp } from './support/typemcp';

jest.setTimeout(120_000);

const LOSSY = `import 'reflect-metadata';
import { Arg, Context, McpServer, Prompt, Tool } from '@typemcp/server';

enum Color { Red = 'red', Blue = 'blue' }
interface Point { x: number; y: number }

@McpServer({ name: 'Lossy' })
export class Lossy {
  /**
   * Paints a shape.
   * @param color the colour to use
   */
  @Tool()
  paint(color: Color, mode: 'fast' | 'slow', size?: number, ctx?: Context): string {
    return String(color) + mode + String(size) + String(ctx);
  }

  @Tool({ description: 'Sums' })
  sum(@Arg({ type: () => [String] }) values: number[]): number {
    return values.length;
  }

  @Tool({ description: 'Later' })
  async later(n: number): Promise<number> {
    return n;
  }

  @Tool({ description: 'Where' })
  where(): Point {
    return { x: 1, y: 2 };
  }

  @Tool({ description: 'Fine', structuredOutput: false })
  async fine(@Arg({ description: 'a name' }) name: string, @Arg({ optional: true }) nick?: string): Promise<string> {
    return name + String(nick);
  }

  @Prompt({ description: 'Ask' })
  ask(topic: string, tone?: string): string {
    return topic + String(tone);
  }
}
`;

const BROKEN = `import 'reflect-metadata';
import { McpServer, Tool } from '@typemcp/server';
interface Point { x: number; y: number }
@McpServer({ name: 'Broken' })
export class Broken {
  @Tool() where(p: Point): string { return String(p); }
}
`;

describe('typemcp check', () => {
  it('prints one line per loss with the fixing decorator option, and exits 1', async () => {
    const cwd = tempProject({ 'lossy.ts': LOSSY });
    const checked = await typemcp(['check', 'lossy.ts'], { cwd });
    expect(checked.code).toBe(1);
    expect(checked.stdout.trim().split('\n')).toEqual([
      'lossy.ts:14 Lossy.paint: schema says no description; TypeScript says "Paints a shape." (JSDoc); fix: @Tool({ description: "Paints a shape." })',
      'lossy.ts:14 Lossy.paint(color): schema says string; TypeScript says Color; fix: @Arg({ type: () => Color })',
      'lossy.ts:14 Lossy.paint(color): schema says no description; TypeScript says "the colour to use" (JSDoc @param); fix: @Arg({ description: "the colour to use" })',
      "lossy.ts:14 Lossy.paint(mode): schema says string; TypeScript says 'fast' | 'slow'; fix: @Arg({ type: () => Union('fast', 'slow') })",
      'lossy.ts:14 Lossy.paint(size): schema says required; TypeScript says optional (size?); fix: @Arg({ optional: true })',
      'lossy.ts:19 Lossy.sum(values): schema says string[]; TypeScript says number[]; fix: @Arg({ type: () => [Number] })',
      'lossy.ts:24 Lossy.later: schema says no outputSchema (unstructured text); TypeScript says returns Promise<number>; fix: @Tool({ output: () => Number })',
      'lossy.ts:29 Lossy.where: schema says no outputSchema (unstructured text); TypeScript says returns Point; fix: return a class with @Field() properties instead of Point, and @Tool({ output: () => ThatClass })',
      'lossy.ts:39 Lossy.ask(tone): schema says required; TypeScript says optional (tone?); fix: @Arg({ optional: true })',
    ]);
    expect(checked.stderr).toBe('typemcp 6 decorated methods checked, 9 losses\n');
  });

  it('reports as JSON, and exits 0 when nothing is lost', async () => {
    const cwd = tempProject({ 'lossy.ts': LOSSY, 'server.ts': QUICKSTART });
    const json = await typemcp(['check', 'lossy.ts', '--json'], { cwd });
    expect(JSON.parse(json.stdout)).toMatchObject({
      checked: 6,
      skipped: [],
      findings: expect.arrayContaining([
        {
          location: 'lossy.ts:24',
          subject: 'Lossy.later',
          schema: 'no outputSchema (unstructured text)',
          typescript: 'returns Promise<number>',
          fix: '@Tool({ output: () => Number })',
        },
      ]),
    });
    const clean = await typemcp(['check', 'server.ts'], { cwd });
    expect(clean).toMatchObject({
      code: 0,
      stdout: '',
      stderr: 'typemcp 2 decorated methods checked, no schema loses anything\n',
    });
  });

  it('reports a definition error on one line with exit code 1', async () => {
    const cwd = tempProject({ 'broken.ts': BROKEN });
    const broken = await typemcp(['check', 'broken.ts'], { cwd });
    expect(broken.code).toBe(1);
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
    expect(broken.stderr).toContain(
      'typemcp error Cannot infer the type of Broken.where(p): reflection gives "Object". Give it explicitly',
    );
  });
});
