/**
 * What a Response built by the engine was built from: its status, its headers and a whole body
 * (text, or none). `serve()` writes these straight to Node's response, without reading the
 * Response back; any other runtime (or a mounted app) uses the Response as it is.
 */
export interface ReplyParts {
  readonly status: number;
  /** The headers, as given (the Node writer adds `content-length`). */
  readonly headers: Record<string, string>;
  readonly body: string | null;
}

const PARTS = Symbol('typemcp.replyParts');
type WithParts = Response & { [PARTS]?: ReplyParts };

/**
 * A Response with a whole body (or none), carrying its {@link ReplyParts}. The headers object is
 * fresh for each reply: writers may add to it.
 *
 * @example
 * return reply(JSON.stringify(message), 200, { 'content-type': 'application/json' });
 */
export function reply(
  body: string | null,
  status: number,
  headers: Record<string, string> = {},
): Response {
  const response: WithParts = new Response(body, { status, headers });
  response[PARTS] = { status, headers, body };
  return response;
}

/** The parts of a Response built by {@link reply}; `undefined` for any other Response. */
export function replyPartsOf(response: Response): ReplyParts | undefined {
  return (response as WithParts)[PARTS];
}
