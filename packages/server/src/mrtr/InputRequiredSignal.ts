import type { InputRequests } from '@typemcp/protocol';

/**
 * Thrown inside a handler (by `Context.elicit`, `sample`, `listRoots`, `ask`) when a 2026-07-28
 * request needs client input it does not carry yet. The dispatcher turns it into an
 * `InputRequiredResult`; it never reaches the wire as an error.
 */
export class InputRequiredSignal extends Error {
  override readonly name = 'InputRequiredSignal';
  constructor(readonly inputRequests: InputRequests) {
    super(`Input required: ${Object.keys(inputRequests).join(', ')}`);
  }
}
