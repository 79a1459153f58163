import type { CallToolResult, GetPromptResult, ReadResourceResult } from '@typemcp/protocol';
import { out } from '../output/style';
import { table } from '../output/table';
import type { ServerListing } from './listServer';

function argumentsOf(
  schema: { properties?: Record<string, unknown>; required?: string[] } | undefined,
): string {
  const required = new Set(schema?.required ?? []);
  return Object.entries(schema?.properties ?? {})
    .map(([name, s]) => `${name}${required.has(name) ? '' : '?'}: ${describeType(s)}`)
    .join(', ');
}

function describeType(schema: unknown): string {
  const s = (schema ?? {}) as { type?: unknown; enum?: unknown[]; items?: unknown };
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join('|');
  if (s.type === 'array') return `${describeType(s.items)}[]`;
  return Array.isArray(s.type) ? s.type.join('|') : typeof s.type === 'string' ? s.type : 'any';
}

function section<T>(
  title: string,
  items: T[],
  header: string[],
  row: (item: T) => string[],
): string {
  const heading = out.bold(`${title} (${items.length})`);
  if (items.length === 0) return heading;
  return `${heading}\n${table([header.map((h) => out.dim(h)), ...items.map(row)])}`;
}

/** The listing as tables, for a terminal. */
export function renderListing(listing: ServerListing): string {
  const who = listing.server
    ? `${out.bold(listing.server.name)} ${listing.server.version}`
    : 'server';
  const parts = [
    `${who} · protocol ${listing.protocolVersion ?? '?'} (${listing.era ?? '?'}) over ${listing.transport}`,
    section('Tools', listing.tools, ['NAME', 'ARGUMENTS', 'DESCRIPTION'], (t) => [
      t.name,
      argumentsOf(t.inputSchema as unknown as Parameters<typeof argumentsOf>[0]),
      t.description ?? '',
    ]),
    section('Resources', listing.resources, ['URI', 'NAME', 'DESCRIPTION'], (r) => [
      r.uri,
      r.name,
      r.description ?? '',
    ]),
    section(
      'Resource templates',
      listing.resourceTemplates,
      ['URI TEMPLATE', 'NAME', 'DESCRIPTION'],
      (r) => [r.uriTemplate, r.name, r.description ?? ''],
    ),
    section('Prompts', listing.prompts, ['NAME', 'ARGUMENTS', 'DESCRIPTION'], (p) => [
      p.name,
      (p.arguments ?? []).map((a) => `${a.name}${a.required ? '' : '?'}`).join(', '),
      p.description ?? '',
    ]),
  ];
  return `${parts.join('\n\n')}\n`;
}

function renderContent(content: Array<Record<string, unknown>>): string[] {
  return content.map((c) => {
    if (c.type === 'text') return String(c.text);
    if (c.type === 'resource') return JSON.stringify(c.resource, null, 2);
    if (c.type === 'image' || c.type === 'audio')
      return out.dim(
        `[${String(c.type)} ${String(c.mimeType)}, ${String(c.data).length} base64 chars]`,
      );
    return JSON.stringify(c, null, 2);
  });
}

/** A tool's result, for a terminal. */
export function renderCall(result: CallToolResult): string {
  const lines = renderContent(result.content as unknown as Array<Record<string, unknown>>);
  if (result.structuredContent !== undefined)
    lines.push(out.dim('structuredContent:'), JSON.stringify(result.structuredContent, null, 2));
  if (result.isError) lines.unshift(out.red('the tool reported an error:'));
  return `${lines.join('\n')}\n`;
}

/** A resource's contents, for a terminal. */
export function renderRead(result: ReadResourceResult): string {
  return `${result.contents.map((c) => ('text' in c ? c.text : out.dim(`[blob ${c.mimeType ?? ''}, ${c.blob.length} base64 chars]`))).join('\n')}\n`;
}

/** A prompt's messages, for a terminal. */
export function renderPrompt(result: GetPromptResult): string {
  return `${result.messages.map((m) => `${out.bold(m.role)}: ${renderContent([m.content as unknown as Record<string, unknown>]).join('')}`).join('\n')}\n`;
}
