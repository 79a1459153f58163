/**
 * Resources: listing, templates, reading, and (legacy) per-resource subscriptions.
 */
import type {
  Annotations,
  BaseMetadata,
  Icons,
  Meta,
  NotificationParams,
  PaginatedRequestParams,
  PaginatedResult,
  RequestParams,
} from './base';
import type { ResourceContents } from './content';
import type { CacheableResult } from './lifecycle';
import type { InputResponseRequestParams } from './mrtr';
import type { Resource } from './resource';

export type { Resource } from './resource';

/** A family of resources described by an RFC 6570 URI template. */
export interface ResourceTemplate extends BaseMetadata, Icons {
  /** RFC 6570 URI template that builds resource URIs. */
  uriTemplate: string;
  /** What the template is for; a hint for the model. */
  description?: string;
  /** MIME type shared by every matching resource, if there is one. */
  mimeType?: string;
  annotations?: Annotations;
  _meta?: Meta;
}

/** Params of requests about one resource. */
export interface ResourceRequestParams extends RequestParams {
  /** URI of the resource. */
  uri: string;
}

/** Params of `resources/list`. */
export type ListResourcesParams = PaginatedRequestParams;

/** Result of `resources/list` (`ttlMs`/`cacheScope` are sent by 2026-07-28 servers). */
export interface ListResourcesResult extends PaginatedResult, CacheableResult {
  resources: Resource[];
}

/** Params of `resources/templates/list`. */
export type ListResourceTemplatesParams = PaginatedRequestParams;

/** Result of `resources/templates/list` (`ttlMs`/`cacheScope` are sent by 2026-07-28 servers). */
export interface ListResourceTemplatesResult extends PaginatedResult, CacheableResult {
  resourceTemplates: ResourceTemplate[];
}

/** Params of `resources/read` (`inputResponses`/`requestState`: 2026-07-28). */
export interface ReadResourceParams extends ResourceRequestParams, InputResponseRequestParams {}

/** Result of `resources/read` (`ttlMs`/`cacheScope` are sent by 2026-07-28 servers). */
export interface ReadResourceResult extends CacheableResult {
  contents: ResourceContents[];
}

/** Params of `resources/subscribe` (legacy; 2026-07-28 uses `subscriptions/listen`). */
export type SubscribeParams = ResourceRequestParams;

/** Params of `resources/unsubscribe` (legacy). */
export type UnsubscribeParams = ResourceRequestParams;

/** Params of `notifications/resources/updated`. */
export interface ResourceUpdatedNotificationParams extends NotificationParams {
  /** URI of the changed resource; may be a sub-resource of the subscribed one. */
  uri: string;
}
