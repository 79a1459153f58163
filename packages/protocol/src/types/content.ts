import type { Annotations, Icons, Meta, BaseMetadata } from './base';

/** Text. */
export interface TextContent {
  type: 'text';
  text: string;
  annotations?: Annotations;
  _meta?: Meta;
}

/** An image, base64-encoded. */
export interface ImageContent {
  type: 'image';
  data: string;
  mimeType: string;
  annotations?: Annotations;
  _meta?: Meta;
}

/** Audio, base64-encoded (2025-03-26+). */
export interface AudioContent {
  type: 'audio';
  data: string;
  mimeType: string;
  annotations?: Annotations;
  _meta?: Meta;
}

/** Contents of a resource. */
export interface ResourceContentsBase {
  uri: string;
  mimeType?: string;
  _meta?: Meta;
}

/** Text contents of a resource. */
export interface TextResourceContents extends ResourceContentsBase {
  text: string;
}

/** Binary contents of a resource, base64-encoded. */
export interface BlobResourceContents extends ResourceContentsBase {
  blob: string;
}

/** Text or binary resource contents. */
export type ResourceContents = TextResourceContents | BlobResourceContents;

/** A link to a resource (2025-06-18+). */
export interface ResourceLink extends BaseMetadata, Icons {
  type: 'resource_link';
  uri: string;
  description?: string;
  mimeType?: string;
  size?: number;
  annotations?: Annotations;
  _meta?: Meta;
}

/** A resource embedded in a message or result. */
export interface EmbeddedResource {
  type: 'resource';
  resource: ResourceContents;
  annotations?: Annotations;
  _meta?: Meta;
}

/** Any content block of a tool result or prompt message. */
export type ContentBlock = TextContent | ImageContent | AudioContent | ResourceLink | EmbeddedResource;

/** A model's request to use a tool (sampling, 2025-11-25+). */
export interface ToolUseContent {
  type: 'tool_use';
  id: string;
  name: string;
  input: { [key: string]: unknown };
  _meta?: Meta;
}

/** The result of a tool use (sampling, 2025-11-25+). */
export interface ToolResultContent {
  type: 'tool_result';
  toolUseId: string;
  content: ContentBlock[];
  structuredContent?: unknown;
  isError?: boolean;
  _meta?: Meta;
}
