import type { Annotations, BaseMetadata, Icons, Meta } from './base';

/** A resource the server can read. */
export interface Resource extends BaseMetadata, Icons {
  /** URI of the resource; any scheme, interpreted by the server. */
  uri: string;
  /** What the resource is; a hint for the model. */
  description?: string;
  /** MIME type, if known. */
  mimeType?: string;
  annotations?: Annotations;
  /** Raw size in bytes (before base64), if known (2025-03-26+). */
  size?: number;
  _meta?: Meta;
}
