/**
 * Method maps: every request (method → params and result) and notification (method → params) of
 * both eras, by direction. The rest of the SDK keys its typed request and handler APIs on these.
 * Each entry says which era has it; results list every shape either era may return.
 */
import type { EmptyResult, NotificationParams } from './base';
import type { CancelledNotificationParams } from './cancellation';
import type { CompleteParams, CompleteResult } from './completion';
import type {
  ElicitRequestParams,
  ElicitResult,
  ElicitationCompleteNotificationParams,
} from './elicitation';
import type {
  DiscoverParams,
  DiscoverResult,
  InitializeParams,
  InitializeResult,
  InitializedNotificationParams,
  PingParams,
} from './lifecycle';
import type { LoggingMessageNotificationParams, SetLevelParams } from './logging';
import type { InputRequiredResult } from './mrtr';
import type { ProgressNotificationParams } from './progress';
import type {
  GetPromptParams,
  GetPromptResult,
  ListPromptsParams,
  ListPromptsResult,
} from './prompts';
import type {
  ListResourceTemplatesParams,
  ListResourceTemplatesResult,
  ListResourcesParams,
  ListResourcesResult,
  ReadResourceParams,
  ReadResourceResult,
  ResourceUpdatedNotificationParams,
  SubscribeParams,
  UnsubscribeParams,
} from './resources';
import type { ListRootsParams, ListRootsResult, RootsListChangedNotificationParams } from './roots';
import type { CreateMessageParams, CreateMessageResult } from './sampling';
import type {
  SubscriptionsAcknowledgedNotificationParams,
  SubscriptionsListenParams,
  SubscriptionsListenResult,
} from './subscriptions';
import type {
  CancelTaskParams,
  CancelTaskResult,
  CreateTaskResult,
  ExtensionCreateTaskResult,
  ExtensionGetTaskResult,
  ExtensionTaskAckResult,
  ExtensionTaskNotificationParams,
  GetTaskParams,
  GetTaskPayloadParams,
  GetTaskPayloadResult,
  GetTaskResult,
  ListTasksParams,
  ListTasksResult,
  TaskStatusNotificationParams,
  UpdateTaskParams,
} from './tasks';
import type { CallToolParams, CallToolResult, ListToolsParams, ListToolsResult } from './tools';

/** Requests from client to server. */
export interface ClientRequestMethods {
  /** Legacy handshake. */
  initialize: { params: InitializeParams; result: InitializeResult };
  /** Legacy; removed in 2026-07-28. */
  ping: { params: PingParams; result: EmptyResult };
  /** 2026-07-28. */
  'server/discover': { params: DiscoverParams; result: DiscoverResult };
  'tools/list': { params: ListToolsParams; result: ListToolsResult };
  /**
   * Both eras. `InputRequiredResult`: 2026-07-28; `CreateTaskResult`: legacy task augmentation;
   * `ExtensionCreateTaskResult`: 2026-07-28 tasks extension.
   */
  'tools/call': {
    params: CallToolParams;
    result: CallToolResult | InputRequiredResult | CreateTaskResult | ExtensionCreateTaskResult;
  };
  'resources/list': { params: ListResourcesParams; result: ListResourcesResult };
  'resources/templates/list': {
    params: ListResourceTemplatesParams;
    result: ListResourceTemplatesResult;
  };
  /** `InputRequiredResult`: 2026-07-28. */
  'resources/read': {
    params: ReadResourceParams;
    result: ReadResourceResult | InputRequiredResult;
  };
  /** Legacy; 2026-07-28 uses `subscriptions/listen`. */
  'resources/subscribe': { params: SubscribeParams; result: EmptyResult };
  /** Legacy. */
  'resources/unsubscribe': { params: UnsubscribeParams; result: EmptyResult };
  'prompts/list': { params: ListPromptsParams; result: ListPromptsResult };
  /** `InputRequiredResult`: 2026-07-28. */
  'prompts/get': { params: GetPromptParams; result: GetPromptResult | InputRequiredResult };
  'completion/complete': { params: CompleteParams; result: CompleteResult };
  /** Legacy; 2026-07-28 sets the level per request in `_meta`. */
  'logging/setLevel': { params: SetLevelParams; result: EmptyResult };
  /** 2026-07-28; the result comes only when the server ends the stream. */
  'subscriptions/listen': { params: SubscriptionsListenParams; result: SubscriptionsListenResult };
  /** Legacy tasks, or the 2026-07-28 tasks extension. */
  'tasks/get': { params: GetTaskParams; result: GetTaskResult | ExtensionGetTaskResult };
  /** Legacy tasks (blocks until the task is final). */
  'tasks/result': { params: GetTaskPayloadParams; result: GetTaskPayloadResult };
  /** Legacy tasks. */
  'tasks/list': { params: ListTasksParams; result: ListTasksResult };
  /** Legacy tasks (returns the task), or the tasks extension (empty acknowledgement). */
  'tasks/cancel': { params: CancelTaskParams; result: CancelTaskResult | ExtensionTaskAckResult };
  /** 2026-07-28 tasks extension. */
  'tasks/update': { params: UpdateTaskParams; result: ExtensionTaskAckResult };
}

/**
 * Requests from server to client: legacy era only (2026-07-28 servers ask through
 * `InputRequiredResult` instead). A task-augmented request may be answered with a
 * `CreateTaskResult`.
 */
export interface ServerRequestMethods {
  ping: { params: PingParams; result: EmptyResult };
  'sampling/createMessage': {
    params: CreateMessageParams;
    result: CreateMessageResult | CreateTaskResult;
  };
  'elicitation/create': { params: ElicitRequestParams; result: ElicitResult | CreateTaskResult };
  'roots/list': { params: ListRootsParams; result: ListRootsResult };
  /** Legacy tasks the client runs for the server. */
  'tasks/get': { params: GetTaskParams; result: GetTaskResult };
  'tasks/result': { params: GetTaskPayloadParams; result: GetTaskPayloadResult };
  'tasks/list': { params: ListTasksParams; result: ListTasksResult };
  'tasks/cancel': { params: CancelTaskParams; result: CancelTaskResult };
}

/** Notifications from server to client. */
export interface ServerNotificationMethods {
  'notifications/cancelled': CancelledNotificationParams;
  'notifications/progress': ProgressNotificationParams;
  /** Deprecated in 2026-07-28. */
  'notifications/message': LoggingMessageNotificationParams;
  'notifications/resources/updated': ResourceUpdatedNotificationParams;
  'notifications/resources/list_changed': NotificationParams;
  'notifications/tools/list_changed': NotificationParams;
  'notifications/prompts/list_changed': NotificationParams;
  /** 2025-11-25 only. */
  'notifications/elicitation/complete': ElicitationCompleteNotificationParams;
  /** 2026-07-28. */
  'notifications/subscriptions/acknowledged': SubscriptionsAcknowledgedNotificationParams;
  /** Legacy tasks. */
  'notifications/tasks/status': TaskStatusNotificationParams;
  /** 2026-07-28 tasks extension. */
  'notifications/tasks': ExtensionTaskNotificationParams;
}

/** Notifications from client to server. */
export interface ClientNotificationMethods {
  /** Legacy handshake. */
  'notifications/initialized': InitializedNotificationParams;
  'notifications/cancelled': CancelledNotificationParams;
  /** Legacy (progress of a server request the client serves). */
  'notifications/progress': ProgressNotificationParams;
  /** Legacy; removed in 2026-07-28. */
  'notifications/roots/list_changed': RootsListChangedNotificationParams;
  /** Legacy tasks. */
  'notifications/tasks/status': TaskStatusNotificationParams;
}

/** Method of any client-to-server request. */
export type ClientRequestMethod = keyof ClientRequestMethods;
/** Method of any server-to-client request. */
export type ServerRequestMethod = keyof ServerRequestMethods;
/** Method of any server-to-client notification. */
export type ServerNotificationMethod = keyof ServerNotificationMethods;
/** Method of any client-to-server notification. */
export type ClientNotificationMethod = keyof ClientNotificationMethods;
