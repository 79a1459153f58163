/**
 * MCP message types of both protocol eras, written for TypeMCP from the official schemas:
 * - modern: `schema/2026-07-28/schema.ts` (stateless; `server/discover`, per-request `_meta`,
 *   multi round-trip requests, `subscriptions/listen`);
 * - legacy: `schema/2025-11-25/schema.ts` (the `initialize` handshake), whose subsets are
 *   `schema/2024-11-05`, `schema/2025-03-26` and `schema/2025-06-18`;
 * - the `io.modelcontextprotocol/tasks` extension as described by `docs/extensions/tasks/overview.mdx`
 *   and the ext-tasks specification it links to (`notifications/tasks`, `tasks/update`, `ttlMs`).
 *
 * Each type is the union of both eras; fields or values of one era (or added after 2024-11-05)
 * say so in their TSDoc.
 *
 * @module
 */
export type {
  JSONValue,
  JSONObject,
  Meta,
  ProgressToken,
  Cursor,
  Role,
  LoggingLevel,
  Annotations,
  Icon,
  Icons,
  BaseMetadata,
  Implementation,
  RequestParams,
  NotificationParams,
  PaginatedRequestParams,
  Result,
  PaginatedResult,
  EmptyResult,
  RequestId,
} from './base';
export { LOGGING_LEVELS } from './base';
export type { RequestMeta, NotificationMeta, ResultMeta, RelatedTaskMeta } from './meta';
export {
  META_PROTOCOL_VERSION,
  META_CLIENT_CAPABILITIES,
  META_CLIENT_INFO,
  META_LOG_LEVEL,
  META_SERVER_INFO,
  META_SUBSCRIPTION_ID,
  META_RELATED_TASK,
} from './meta';
export type { ClientCapabilities, ServerCapabilities } from './capabilities';
export type {
  TextContent,
  ImageContent,
  AudioContent,
  ResourceContentsBase,
  TextResourceContents,
  BlobResourceContents,
  ResourceContents,
  ResourceLink,
  EmbeddedResource,
  ContentBlock,
  ToolUseContent,
  ToolResultContent,
  SamplingMessageContentBlock,
  SamplingContent,
  SamplingMessage,
} from './content';
export type {
  ToolAnnotations,
  ToolExecution,
  JsonSchema,
  ToolInputSchema,
  Tool,
  ListToolsParams,
  ListToolsResult,
  CallToolParams,
  CallToolResult,
} from './tools';
export type {
  Resource,
  ResourceTemplate,
  ResourceRequestParams,
  ListResourcesParams,
  ListResourcesResult,
  ListResourceTemplatesParams,
  ListResourceTemplatesResult,
  ReadResourceParams,
  ReadResourceResult,
  SubscribeParams,
  UnsubscribeParams,
  ResourceUpdatedNotificationParams,
} from './resources';
export type {
  PromptArgument,
  Prompt,
  PromptMessage,
  ListPromptsParams,
  ListPromptsResult,
  GetPromptParams,
  GetPromptResult,
} from './prompts';
export type {
  PromptReference,
  ResourceTemplateReference,
  ResourceReference,
  CompleteParams,
  CompleteResult,
} from './completion';
export type {
  InitializeParams,
  InitializeResult,
  InitializedNotificationParams,
  PingParams,
  CacheScope,
  CacheableResult,
  DiscoverParams,
  DiscoverResult,
} from './lifecycle';
export type { SetLevelParams, LoggingMessageNotificationParams } from './logging';
export type { ProgressNotificationParams } from './progress';
export type { CancelledNotificationParams } from './cancellation';
export type {
  ModelHint,
  ModelPreferences,
  ToolChoice,
  CreateMessageParams,
  CreateMessageRequest,
  StopReason,
  CreateMessageResult,
} from './sampling';
export type {
  StringSchema,
  NumberSchema,
  BooleanSchema,
  UntitledSingleSelectEnumSchema,
  TitledSingleSelectEnumSchema,
  SingleSelectEnumSchema,
  UntitledMultiSelectEnumSchema,
  TitledMultiSelectEnumSchema,
  MultiSelectEnumSchema,
  LegacyTitledEnumSchema,
  EnumSchema,
  PrimitiveSchemaDefinition,
  ElicitRequestFormParams,
  ElicitRequestURLParams,
  ElicitRequestParams,
  ElicitRequest,
  ElicitResult,
  ElicitationCompleteNotificationParams,
} from './elicitation';
export type {
  Root,
  ListRootsParams,
  ListRootsRequest,
  ListRootsResult,
  RootsListChangedNotificationParams,
} from './roots';
export type {
  ResultType,
  InputRequest,
  InputResponse,
  InputRequests,
  InputResponses,
  InputRequiredResult,
  InputResponseRequestParams,
} from './mrtr';
export type {
  SubscriptionFilter,
  SubscriptionsListenParams,
  SubscriptionsListenResultMeta,
  SubscriptionsListenResult,
  SubscriptionsAcknowledgedNotificationParams,
} from './subscriptions';
export type {
  TaskStatus,
  TaskMetadata,
  Task,
  CreateTaskResult,
  TaskIdParams,
  GetTaskParams,
  GetTaskPayloadParams,
  CancelTaskParams,
  GetTaskResult,
  GetTaskPayloadResult,
  CancelTaskResult,
  ListTasksParams,
  ListTasksResult,
  TaskStatusNotificationParams,
  ExtensionTaskInfo,
  ExtensionTask,
  ExtensionCreateTaskResult,
  WorkingTask,
  InputRequiredTask,
  CompletedTask,
  FailedTask,
  CancelledTask,
  DetailedTask,
  ExtensionGetTaskResult,
  UpdateTaskParams,
  ExtensionTaskAckResult,
  ExtensionTaskNotificationParams,
} from './tasks';
export { TASKS_EXTENSION_ID } from './tasks';
export type {
  ClientRequestMethods,
  ServerRequestMethods,
  ServerNotificationMethods,
  ClientNotificationMethods,
  ClientRequestMethod,
  ServerRequestMethod,
  ServerNotificationMethod,
  ClientNotificationMethod,
} from './methods';
