import { ErrorCode, McpError } from '@typemcp/protocol';
import type {
  ClientCapabilities,
  InputRequest,
  InputRequests,
  InputResponse,
  InputResponses,
} from '@typemcp/protocol';
import { InputRequiredSignal } from './InputRequiredSignal';

const CAPABILITY: Record<string, keyof ClientCapabilities> = {
  'elicitation/create': 'elicitation',
  'sampling/createMessage': 'sampling',
  'roots/list': 'roots',
};

/** True when `answer` has the shape of a result of `method`. */
function isAnswerTo(method: string, answer: unknown): answer is InputResponse {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return false;
  const a = answer as Record<string, unknown>;
  if (method === 'elicitation/create')
    return a.action === 'accept' || a.action === 'decline' || a.action === 'cancel';
  if (method === 'roots/list') return Array.isArray(a.roots);
  if (method === 'sampling/createMessage')
    return typeof a.role === 'string' && a.content !== undefined;
  return true;
}

/**
 * The answers a 2026-07-28 request carries (earlier rounds' answers from the verified
 * requestState plus this round's `inputResponses`), and the questions a handler still has.
 * A handler runs again from the top on every round; each question has a stable key.
 */
export class InputState {
  private counter = 0;

  constructor(
    readonly answers: InputResponses,
    private readonly capabilities: ClientCapabilities,
  ) {}

  /** The next automatic key (`elicit-1`, `sample-2`...), stable across rounds for the same code path. */
  nextKey(prefix: string): string {
    return `${prefix}-${++this.counter}`;
  }

  /** Answers to every request, or an {@link InputRequiredSignal} asking for the missing ones. */
  ask(requests: InputRequests): Record<string, InputResponse> {
    const missing: InputRequests = {};
    const found: Record<string, InputResponse> = {};
    for (const [key, request] of Object.entries(requests)) {
      const capability = CAPABILITY[request.method];
      if (capability && !this.capabilities[capability]) {
        throw new McpError(
          ErrorCode.MissingRequiredClientCapability,
          `This request needs the client capability "${capability}" (for ${request.method}), which the client did not declare`,
          { requiredCapabilities: { [capability]: {} } },
        );
      }
      const answer = this.answers[key];
      if (isAnswerTo(request.method, answer)) found[key] = answer;
      else missing[key] = request as InputRequest; // absent or malformed: asked again
    }
    if (Object.keys(missing).length > 0) throw new InputRequiredSignal(missing);
    return found;
  }
}
