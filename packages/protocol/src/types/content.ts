/**
 * Content: the blocks of tool results and prompt messages, resource contents, and the messages of
 * a sampling conversation.
 */
import type { Annotations, Meta, Role } from './base';
import type { Resource } from './resource';

/** Plain text. */
export interface TextContent {
  type: 'text';
  /** The text. */
  text: string;
  annotations?: Annotations;
  _meta?: Meta;
}

/** An image, base64-encoded. */
export interface ImageContent {
  type: 'image';
  /** Base64 image bytes. */
  data: string;
  /** Image MIME type, e.g. `image/png`. */
  mimeType: string;
  annotations?: Annotations;
  _meta?: Meta;
}

/** Audio, base64-encoded (2025-03-26+). */
export interface AudioContent {
  type: 'audio';
  /** Base64 audio bytes. */
  data: string;
  /** Audio MIME type, e.g. `audio/wav`. */
  mimeType: string;
  annotations?: Annotations;
  _meta?: Meta;
}

/**
 * Fields common to all resource contents (the spec calls this base `ResourceContents`; our
 * {@link ResourceContents} is the text-or-blob union that messages actually carry).
 */
export interface ResourceContentsBase {
  /** URI of the resource or sub-resource. */
  uri: string;
  /** MIME type, if known. */
  mimeType?: string;
  _meta?: Meta;
}

/** Resource contents that are text. */
export interface TextResourceContents extends ResourceContentsBase {
  /** The text; only for content that really is text. */
  text: string;
}

/** Resource contents that are binary, base64-encoded. */
export interface BlobResourceContents extends ResourceContentsBase {
  /** Base64 bytes. */
  blob: string;
}

/** Text or binary resource contents. */
export type ResourceContents = TextResourceContents | BlobResourceContents;

/**
 * A link to a resource, in a tool result or prompt (2025-06-18+). It need not appear in
 * `resources/list`.
 */
export interface ResourceLink extends Resource {
  type: 'resource_link';
}

/** A resource's contents embedded in a tool result or prompt message. */
export interface EmbeddedResource {
  type: 'resource';
  /** The embedded contents. */
  resource: ResourceContents;
  annotations?: Annotations;
  _meta?: Meta;
}

/** Any block of a tool result, prompt message or tool-result content. */
export type ContentBlock =
  TextContent | ImageContent | AudioContent | ResourceLink | EmbeddedResource;

/** The model asks to call a tool (sampling only, 2025-11-25+). */
export interface ToolUseContent {
  type: 'tool_use';
  /** Id that the matching {@link ToolResultContent} refers to. */
  id: string;
  /** Tool name. */
  name: string;
  /** Tool arguments, per the tool's input schema. */
  input: { [key: string]: unknown };
  /** Keep it when replaying the message (enables provider caching). */
  _meta?: Meta;
}

/** The outcome of a tool use, sent back to the model (sampling only, 2025-11-25+). */
export interface ToolResultContent {
  type: 'tool_result';
  /** The {@link ToolUseContent.id} this answers. */
  toolUseId: string;
  /** Unstructured result, like `CallToolResult.content`. */
  content: ContentBlock[];
  /** Structured result: a JSON object (2025-11-25) or any JSON value (2026-07-28). */
  structuredContent?: unknown;
  /** The tool use failed; default false. */
  isError?: boolean;
  /** Keep it when replaying the message (enables provider caching). */
  _meta?: Meta;
}

/** A block of a sampling message (no resources; tool use and results 2025-11-25+). */
export type SamplingMessageContentBlock =
  TextContent | ImageContent | AudioContent | ToolUseContent | ToolResultContent;

/** Short name of {@link SamplingMessageContentBlock}. */
export type SamplingContent = SamplingMessageContentBlock;

/** A message to or from the model in a sampling conversation. Deprecated in 2026-07-28. */
export interface SamplingMessage {
  role: Role;
  /** One block, or several (arrays: 2025-11-25+). */
  content: SamplingMessageContentBlock | SamplingMessageContentBlock[];
  _meta?: Meta;
}
