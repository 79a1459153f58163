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

/** Builds a program piece by piece; jump targets are absolute. */
export class ProgramBuilder {
  readonly program: Instruction[] = [];
  slots = 0;

  literal(text: string): void {
    for (let i = 0; i < text.length; i++)
      this.program.push({ op: 'char', code: text.charCodeAt(i) });
  }

  /** `(class+)` captured in a new pair of slots: greedy, or lazy. Returns the capture's index. */
  capture(test: (code: number) => boolean, lazy: boolean): number {
    const index = this.slots / 2;
    this.program.push({ op: 'save', slot: this.slots++ });
    const body = this.program.length;
    this.program.push({ op: 'class', test });
    const split = this.program.length;
    this.program.push(
      lazy ? { op: 'split', x: split + 1, y: body } : { op: 'split', x: body, y: split + 1 },
    );
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
 * (`-1` when it did not take part), or undefined when the input does not match. Thread lists are
 * parallel arrays reused across steps: a step allocates only the capture arrays `save` copies.
 */
export function runProgram(
  program: Instruction[],
  slots: number,
  input: string,
): number[] | undefined {
  const size = program.length;
  const seen = new Int32Array(size).fill(-1);
  let currentPc = new Int32Array(size);
  let currentSaves: number[][] = new Array<number[]>(size);
  let nextPc = new Int32Array(size);
  let nextSaves: number[][] = new Array<number[]>(size);
  let nextLength = 0;
  let generation = 0;

  // follows jumps, splits and saves; records the threads that wait on a character (or match)
  const add = (pc: number, saves: number[], position: number): void => {
    if (seen[pc] === generation) return;
    seen[pc] = generation;
    const instruction = program[pc];
    if (instruction.op === 'jmp') {
      add(instruction.x, saves, position);
    } else if (instruction.op === 'split') {
      add(instruction.x, saves, position);
      add(instruction.y, saves, position);
    } else if (instruction.op === 'save') {
      const copy = saves.slice();
      copy[instruction.slot] = position;
      add(pc + 1, copy, position);
    } else {
      nextPc[nextLength] = pc;
      nextSaves[nextLength++] = saves;
    }
  };

  add(0, new Array<number>(slots).fill(-1), 0);
  for (let position = 0; position <= input.length && nextLength > 0; position++) {
    [currentPc, nextPc] = [nextPc, currentPc];
    [currentSaves, nextSaves] = [nextSaves, currentSaves];
    const currentLength = nextLength;
    nextLength = 0;
    generation++;
    const code = position < input.length ? input.charCodeAt(position) : -1;
    for (let t = 0; t < currentLength; t++) {
      const instruction = program[currentPc[t]];
      if (instruction.op === 'match') {
        // lower-priority threads are cut, as a backtracking engine would never reach them
        if (position === input.length) return currentSaves[t];
        continue;
      }
      if (code === -1) continue;
      if (
        instruction.op === 'char'
          ? instruction.code === code
          : instruction.op === 'class' && instruction.test(code)
      ) {
        add(currentPc[t] + 1, currentSaves[t], position + 1);
      }
    }
  }
  return undefined;
}
