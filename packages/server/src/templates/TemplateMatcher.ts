/**
 * A Pike VM (Thompson NFA simulation with submatch tracking) for the small pattern language
 * URI templates compile to. Every thread advances in lock step over the input and at most one
 * thread per instruction survives each step, so a match costs O(URI length × program size)
 * whatever the template: adjacent variables (`{a}{b}{c}`) or a separator a variable may also
 * contain (`{table}.{column}`) cannot make it backtrack. Threads keep the priority a backtracking
 * engine would give them, so captures equal the regex's (greedy and lazy loops included).
 */

/** One instruction; `split` prefers `x`. */
export type Instruction =
  | { op: 'char'; code: number }
  | { op: 'class'; test: (code: number) => boolean }
  | { op: 'split'; x: number; y: number }
  | { op: 'jmp'; x: number }
  | { op: 'save'; slot: number }
  | { op: 'match' };

interface Thread {
  pc: number;
  saves: Int32Array;
}

/** Builds a program piece by piece; jump targets are absolute. */
export class ProgramBuilder {
  readonly program: Instruction[] = [];
  slots = 0;

  literal(text: string): void {
    for (let i = 0; i < text.length; i++) this.program.push({ op: 'char', code: text.charCodeAt(i) });
  }

  /** `(class+)` captured in a new pair of slots: greedy, or lazy. Returns the capture's index. */
  capture(test: (code: number) => boolean, lazy: boolean): number {
    const index = this.slots / 2;
    this.program.push({ op: 'save', slot: this.slots++ });
    const body = this.program.length;
    this.program.push({ op: 'class', test });
    const split = this.program.length;
    this.program.push(lazy ? { op: 'split', x: split + 1, y: body } : { op: 'split', x: body, y: split + 1 });
    this.program.push({ op: 'save', slot: this.slots++ });
    return index;
  }

  /** `(?:first(rest*))?`, greedy: the optional query part. Returns the capture's index. */
  optionalTail(first: (code: number) => boolean, rest: (code: number) => boolean): number {
    const index = this.slots / 2;
    const open = this.program.length;
    this.program.push({ op: 'split', x: open + 1, y: -1 });
    this.program.push({ op: 'class', test: first });
    this.program.push({ op: 'save', slot: this.slots++ });
    const loop = this.program.length;
    this.program.push({ op: 'split', x: loop + 1, y: loop + 3 });
    this.program.push({ op: 'class', test: rest });
    this.program.push({ op: 'jmp', x: loop });
    this.program.push({ op: 'save', slot: this.slots++ });
    (this.program[open] as { y: number }).y = this.program.length;
    return index;
  }

  /** `text?`, greedy. */
  optionalLiteral(text: string): void {
    const open = this.program.length;
    this.program.push({ op: 'split', x: open + 1, y: -1 });
    this.literal(text);
    (this.program[open] as { y: number }).y = this.program.length;
  }

  finish(): Instruction[] {
    this.program.push({ op: 'match' });
    return this.program;
  }
}

/**
 * Runs `program` anchored at both ends of `input`. Returns each capture as `[start, end]`
 * (`-1` when it did not take part), or undefined when the input does not match.
 */
export function runProgram(program: Instruction[], slots: number, input: string): Int32Array | undefined {
  const seen = new Int32Array(program.length).fill(-1);
  let current: Thread[] = [];
  let next: Thread[] = [];
  let generation = 0;
  let matched: Int32Array | undefined;

  const add = (list: Thread[], pc: number, saves: Int32Array, position: number): void => {
    if (seen[pc] === generation) return;
    seen[pc] = generation;
    const instruction = program[pc];
    switch (instruction.op) {
      case 'jmp':
        add(list, instruction.x, saves, position);
        return;
      case 'split':
        add(list, instruction.x, saves, position);
        add(list, instruction.y, saves, position);
        return;
      case 'save': {
        const copy = saves.slice();
        copy[instruction.slot] = position;
        add(list, pc + 1, copy, position);
        return;
      }
      default:
        list.push({ pc, saves });
    }
  };

  add(current, 0, new Int32Array(slots).fill(-1), 0);
  for (let position = 0; position <= input.length && current.length > 0; position++) {
    generation++;
    const code = position < input.length ? input.charCodeAt(position) : -1;
    for (const thread of current) {
      const instruction = program[thread.pc];
      if (instruction.op === 'match') {
        if (position === input.length) {
          matched = thread.saves;
          break; // lower-priority threads are cut, as a backtracking engine would never reach them
        }
        continue;
      }
      if (code === -1) continue;
      if (instruction.op === 'char' ? instruction.code === code : instruction.op === 'class' && instruction.test(code)) {
        add(next, thread.pc + 1, thread.saves, position + 1);
      }
    }
    [current, next] = [next, current];
    next.length = 0;
  }
  return matched;
}
