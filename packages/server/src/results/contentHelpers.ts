import type { EmbeddedResource, ResourceLink } from '@typemcp/protocol';

/**
 * A `resource_link` content block pointing at a resource.
 *
 * @example
 * return [`Wrote ${path}`, resourceLink(`file://${path}`, { name: 'report' })];
 */
export function resourceLink(
  uri: string,
  fields: Omit<ResourceLink, 'type' | 'uri' | 'name'> & { name?: string } = {},
): ResourceLink {
  return { type: 'resource_link', uri, name: fields.name ?? uri, ...fields };
}

/**
 * An embedded `resource` content block (text, or bytes as a base64 blob).
 *
 * @example
 * return embeddedResource('memo://1', 'the memo text', 'text/plain');
 */
export function embeddedResource(
  uri: string,
  content: string | Uint8Array,
  mimeType?: string,
): EmbeddedResource {
  const resource =
    typeof content === 'string'
      ? { uri, text: content, ...(mimeType ? { mimeType } : {}) }
      : { uri, blob: Buffer.from(content).toString('base64'), ...(mimeType ? { mimeType } : {}) };
  return { type: 'resource', resource };
}
