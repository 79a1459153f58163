import { ErrorCode, McpError } from '@typemcp/protocol';
import type { ServerCapabilities } from '@typemcp/protocol';
import type { RequestContext } from '../dispatch/RequestContext';
import type { Server } from '../dispatch/Server';
import type { TaskEngines } from './routeToolCall';
import { sessionHasTasks } from './routeToolCall';
import { TASKS_EXTENSION } from './TaskManager';

function requireTaskSession(method: string, ctx: RequestContext): void {
  if (!sessionHasTasks(ctx))
    throw new McpError(
      ErrorCode.MethodNotFound,
      `Method not found: ${method} (tasks need protocol 2025-11-25; this session negotiated ${ctx.protocolVersion})`,
    );
}

/**
 * Serves the task methods of both designs on one server: `tasks/get` and `tasks/cancel` go to
 * the extension in a 2026-07-28 request and to the experimental tasks in a 2025-11-25 session;
 * `tasks/update` is the extension's, `tasks/result` and `tasks/list` the 2025-11-25 ones. Declares
 * the extension (2026-07-28); returns the `tasks` capability, to be declared to 2025-11-25
 * sessions only (the server's `sessionCapabilities` option).
 */
export function registerTaskHandlers(server: Server, engines: TaskEngines): ServerCapabilities {
  server.addCapabilities({ extensions: { [TASKS_EXTENSION]: {} } });
  const sessionCapabilities: ServerCapabilities = {
    tasks: {
      ...(engines.legacy.canList ? { list: {} } : {}),
      cancel: {},
      requests: { tools: { call: {} } },
    },
  };
  server.setRequestHandler('tasks/get', (p, ctx) => {
    if (ctx.era === 'modern') return engines.modern.get(p.taskId, ctx) as never;
    requireTaskSession('tasks/get', ctx);
    return engines.legacy.get(p.taskId, ctx) as never;
  });
  server.setRequestHandler('tasks/cancel', (p, ctx) => {
    if (ctx.era === 'modern') return engines.modern.cancel(p.taskId, ctx) as never;
    requireTaskSession('tasks/cancel', ctx);
    return engines.legacy.cancel(p.taskId, ctx) as never;
  });
  server.setRequestHandler('tasks/update', (p, ctx) => {
    if (ctx.era !== 'modern')
      throw new McpError(
        ErrorCode.MethodNotFound,
        `Method not found: tasks/update (part of the ${TASKS_EXTENSION} extension of 2026-07-28)`,
      );
    return engines.modern.update(p.taskId, p.inputResponses, ctx) as never;
  });
  server.setRequestHandler('tasks/result', (p, ctx) => {
    requireTaskSession('tasks/result', ctx);
    return engines.legacy.result(p.taskId, ctx) as never;
  });
  if (engines.legacy.canList) {
    server.setRequestHandler('tasks/list', (p, ctx) => {
      requireTaskSession('tasks/list', ctx);
      return engines.legacy.list(p.cursor, ctx) as never;
    });
  }
  return sessionCapabilities;
}
