/**
 * Thrown by `Context.runAsTask()` in a synchronous run: the dispatcher creates a task and runs the
 * handler again, from the top, as that task (with the answers gathered so far). Never on the wire.
 */
export class EscalateToTaskSignal extends Error {
  override readonly name = 'EscalateToTaskSignal';
  constructor() {
    super('Escalating to a task');
  }
}
