/** Method maps: every request and notification of both eras, with its params and result. */
import type { EmptyResult, RequestParams, Result } from './base';
import type {
  CreateMessageParams,
  CreateMessageResult,
  ElicitRequestParams,
  ElicitResult,
  ElicitationCompleteNotificationParams,
  ListRootsResult,
} from './client';
import type {
  CallToolParams,
  CallToolResult,
  CompleteParams,
  CompleteResult,
  GetPromptParams,
  GetPromptResult,
  ListPromptsParams,
  ListPromptsResult,
  ListResourceTemplatesParams,
  ListResourceTemplatesResult,
  ListResourcesParams,
  ListResourcesResult,
  ListToolsParams,
  ListToolsResult,
  ReadResourceParams,
  ReadResourceResult,
  ResourceUpdatedNotificationParams,
  SubscribeParams,
} from './features';
import type { DiscoverResult, InitializeParams, InitializeResult } from './lifecycle';
import type { InputRequiredResult } from './mrtr';
import type {
  CancelledNotificationParams,
  LoggingMessageNotificationParams,
  ProgressNotificationParams,
  SetLevelParams,
  SubscriptionsAcknowledgedNotificationParams,
  SubscriptionsListenParams,
} from './notifications';
import type {
  CreateTaskResult,
  ExtensionTask,
  GetTaskResult,
  ListTasksParams,
  ListTasksResult,
  Task,
  TaskIdParams,
  UpdateTaskParams,
} from './tasks';

/** Requests a client sends to a server. */
export interface ClientRequestMethods {
  initialize: { params: InitializeParams; result: InitializeResult };
  ping: { params: RequestParams; result: EmptyResult };
  'server/discover': { params: RequestParams; result: DiscoverResult };
  'tools/list': { params: ListToolsParams; result: ListToolsResult };
  'tools/call': { params: CallToolParams; result: CallToolResult | InputRequiredResult | CreateTaskResult | ExtensionTask };
  'resources/list': { params: ListResourcesParams; result: ListResourcesResult };
  'resources/templates/list': { params: ListResourceTemplatesParams; result: ListResourceTemplatesResult };
  'resources/read': { params: ReadResourceParams; result: ReadResourceResult | InputRequiredResult };
  'resources/subscribe': { params: SubscribeParams; result: EmptyResult };
  'resources/unsubscribe': { params: SubscribeParams; result: EmptyResult };
  'prompts/list': { params: ListPromptsParams; result: ListPromptsResult };
  'prompts/get': { params: GetPromptParams; result: GetPromptResult | InputRequiredResult };
  'completion/complete': { params: CompleteParams; result: CompleteResult };
  'logging/setLevel': { params: SetLevelParams; result: EmptyResult };
  'subscriptions/listen': { params: SubscriptionsListenParams; result: Result };
  'tasks/get': { params: TaskIdParams; result: GetTaskResult | ExtensionTask };
  'tasks/result': { params: TaskIdParams; result: Result };
  'tasks/list': { params: ListTasksParams; result: ListTasksResult };
  'tasks/cancel': { params: TaskIdParams; result: GetTaskResult | ExtensionTask };
  'tasks/update': { params: UpdateTaskParams; result: EmptyResult };
}

/** Requests a server sends to a client (legacy era only). */
export interface ServerRequestMethods {
  ping: { params: RequestParams; result: EmptyResult };
  'sampling/createMessage': { params: CreateMessageParams; result: CreateMessageResult };
  'elicitation/create': { params: ElicitRequestParams; result: ElicitResult };
  'roots/list': { params: RequestParams; result: ListRootsResult };
  'tasks/get': { params: TaskIdParams; result: GetTaskResult };
  'tasks/result': { params: TaskIdParams; result: Result };
  'tasks/list': { params: ListTasksParams; result: ListTasksResult };
  'tasks/cancel': { params: TaskIdParams; result: GetTaskResult };
}

/** Notifications a server sends. */
export interface ServerNotificationMethods {
  'notifications/cancelled': CancelledNotificationParams;
  'notifications/progress': ProgressNotificationParams;
  'notifications/message': LoggingMessageNotificationParams;
  'notifications/resources/updated': ResourceUpdatedNotificationParams;
  'notifications/resources/list_changed': RequestParams;
  'notifications/tools/list_changed': RequestParams;
  'notifications/prompts/list_changed': RequestParams;
  'notifications/elicitation/complete': ElicitationCompleteNotificationParams;
  'notifications/subscriptions/acknowledged': SubscriptionsAcknowledgedNotificationParams;
  'notifications/tasks/status': Task & RequestParams;
}

/** Notifications a client sends. */
export interface ClientNotificationMethods {
  'notifications/initialized': RequestParams;
  'notifications/cancelled': CancelledNotificationParams;
  'notifications/progress': ProgressNotificationParams;
  'notifications/roots/list_changed': RequestParams;
  'notifications/tasks/status': Task & RequestParams;
}

/** Any client request method name. */
export type ClientRequestMethod = keyof ClientRequestMethods;
/** Any server request method name. */
export type ServerRequestMethod = keyof ServerRequestMethods;
/** Any server notification method name. */
export type ServerNotificationMethod = keyof ServerNotificationMethods;
/** Any client notification method name. */
export type ClientNotificationMethod = keyof ClientNotificationMethods;
