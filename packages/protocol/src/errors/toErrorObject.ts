import type { JSONRPCErrorObject } from '../jsonrpc/messages';
import { ErrorCode } from './ErrorCode';
import { McpError } from './McpError';

const INTERNAL_ERROR: JSONRPCErrorObject = {
  code: ErrorCode.InternalError,
  message: 'Internal error',
};

/** Turns whatever a handler threw into a wire error, never leaking a stack trace. */
export function toErrorObject(error: unknown): JSONRPCErrorObject {
  if (error instanceof McpError) return error.toJSON();
  if (error instanceof Error && error.message) {
    return { code: ErrorCode.InternalError, message: `Internal error: ${error.message}` };
  }
  return INTERNAL_ERROR;
}
