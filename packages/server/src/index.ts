/**
 * @typemcp/server: the low-level MCP {@link Server} (one dispatcher for both protocol eras),
 * the decorator framework and the stdio transport.
 *
 * @packageDocumentation
 */
export { Server } from './dispatch/Server';
export type {
  RequestHandler,
  NotificationHandler,
  MethodParams,
  MethodResult,
} from './dispatch/Server';
export { ServerConnection } from './dispatch/ServerConnection';
export type { ServerOptions } from './dispatch/ServerOptions';
export type { RequestContext } from './dispatch/RequestContext';
export { StdioServerTransport } from './transports/stdio/StdioServerTransport';
export type { StdioServerTransportOptions } from './transports/stdio/StdioServerTransport';
export { serveStdio } from './transports/stdio/serveStdio';
export type { ServeStdioOptions } from './transports/stdio/serveStdio';
export { McpServer } from './decorators/McpServer';
export type { McpServerOptions } from './decorators/McpServer';
export { Tool } from './decorators/Tool';
export type { ToolOptions } from './decorators/Tool';
export { Resource } from './decorators/Resource';
export type { ResourceOptions } from './decorators/Resource';
export { Prompt } from './decorators/Prompt';
export type { PromptOptions } from './decorators/Prompt';
export { Arg } from './decorators/Arg';
export type { ArgOptions } from './decorators/Arg';
export { Field } from './decorators/Field';
export type { FieldOptions } from './decorators/Field';
export { describeClass } from './metadata/describeClass';
export type { ClassDescription, MemberDescription } from './metadata/describeClass';
export { Integer, Union } from './metadata/reflectType';
export type { UnionLiteral } from './metadata/reflectType';
export type { ClassType, TypeThunk, TypeValue, CompleteFn } from './metadata/definitions';
export { Context } from './context/Context';
export type { Lifespan, LifespanContext } from './context/lifespan';
export { createServer, McpApp } from './createServer';
export type {
  CreateServerOptions,
  DynamicToolOptions,
  DynamicResourceOptions,
  DynamicPromptOptions,
} from './createServer';
export type { EntryKind } from './registry/Registry';
export { run } from './run';
export type { RunOptions, RunningServer } from './run';
export { Image, Audio } from './results/media';
export type { MediaSource } from './results/media';
export { resourceLink, embeddedResource } from './results/contentHelpers';
export { UriTemplate } from './templates/UriTemplate';
export { MAX_URI_LENGTH } from './registry/checkUri';
export { registerConverter } from './schema/converters';
export type { Converter, ConstraintMeta, SchemaObject } from './schema/converters';
export { buildDtoSchema } from './schema/buildDtoSchema';
export { DefinitionError } from './errors/DefinitionError';
export { NoExplicitTypeError } from './errors/NoExplicitTypeError';
export { MissingParameterNameError } from './errors/MissingParameterNameError';
export { DuplicateNameError } from './errors/DuplicateNameError';
export { TemplateVariableWithoutParameterError } from './errors/TemplateVariableWithoutParameterError';
export { MissingReturnTypeError } from './errors/MissingReturnTypeError';
export { SymbolKeyError } from './errors/SymbolKeyError';
export { MissingPackageError } from './errors/MissingPackageError';
export { ListMethodNotFoundError } from './errors/ListMethodNotFoundError';
export { RestParameterError } from './errors/RestParameterError';
export { InvalidParamHeaderError } from './errors/InvalidParamHeaderError';
export { EmptyEnumError } from './errors/EmptyEnumError';
export { NoDecoratorMetadataError } from './errors/NoDecoratorMetadataError';
export { MangledParameterNamesError } from './errors/MangledParameterNamesError';
export { UnvalidatedFieldError } from './errors/UnvalidatedFieldError';
export { InputRequiredSignal } from './mrtr/InputRequiredSignal';
export { InputState } from './mrtr/InputState';
export { RequestStateCodec } from './mrtr/requestState';
export type { RequestStateOptions, RequestStatePayload } from './mrtr/requestState';
export { TaskManager, TASKS_EXTENSION } from './tasks/TaskManager';
export type { TaskOptions } from './tasks/TaskManager';
export { TaskBudget } from './tasks/TaskBudget';
export type { TaskLimits } from './tasks/TaskBudget';
export { LegacyTaskManager } from './tasks/legacy/LegacyTaskManager';
export type { LegacyTaskLimits } from './tasks/legacy/LegacyTaskManager';
export { InMemoryTaskStore } from './tasks/InMemoryTaskStore';
export type { InMemoryTaskStoreOptions } from './tasks/InMemoryTaskStore';
export type { TaskStore, TaskRecord } from './tasks/TaskStore';
export type { SessionStore, SessionRecord } from './cluster/SessionStore';
export { InMemorySessionStore } from './cluster/InMemorySessionStore';
export type { NonceStore } from './cluster/NonceStore';
export { InMemoryNonceStore } from './cluster/InMemoryNonceStore';
export type { MessageBus } from './cluster/MessageBus';
export { InMemoryMessageBus } from './cluster/InMemoryMessageBus';
export type { SharedStores } from './cluster/SharedStores';
