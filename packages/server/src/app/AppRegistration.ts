import { ErrorCode, McpError } from '@typemcp/protocol';
import type { CompleteResult, ServerCapabilities } from '@typemcp/protocol';
import { checkScopes, mergeScopes } from '../auth/scopes';
import type { Server } from '../dispatch/Server';
import { getMetadataStorage } from '../metadata/MetadataStorage';
import type { ClassType } from '../metadata/definitions';
import { buildPrompt } from '../registry/buildPrompt';
import { buildResource } from '../registry/buildResource';
import { buildTool } from '../registry/buildTool';
import { checkUri } from '../registry/checkUri';
import { paginate } from '../registry/paginate';
import type { EntryKind, Registry } from '../registry/Registry';
import { dynamicPrompt, dynamicResource, dynamicTool } from '../runtime/dynamicEntries';
import type {
  DynamicPromptOptions,
  DynamicResourceOptions,
  DynamicToolOptions,
} from '../runtime/dynamicEntries';
import { registerTaskHandlers } from '../tasks/registerTaskHandlers';
import { routeToolCall } from '../tasks/routeToolCall';
import type { TaskEngines } from '../tasks/routeToolCall';
import type { AppContainer } from './AppContainer';
import { requiredScopesOf } from './connectionPolicies';

/** What {@link AppRegistration} registers into and runs with. */
export interface RegistrationDeps {
  server: Server;
  registry: Registry;
  container: AppContainer;
  taskEngines: TaskEngines;
  /** Items per page of every list. */
  pageSize: number;
  /** Named as the origin of function-based entries (`addTool` and kin). */
  owner: Function;
}

/**
 * The registration side of an `McpApp`: providers' decorated members and function-based entries
 * into the registry, enabling, disabling and removing them, and the request handlers (lists,
 * calls, reads, completions, tasks) registered on the server once something needs them.
 */
export class AppRegistration {
  /** Capabilities declared only to 2025-11-25 sessions, once task handlers are registered. */
  sessionCapabilities?: ServerCapabilities;

  constructor(private readonly deps: RegistrationDeps) {}

  /** Serves the decorated members of another class (now or while serving). */
  addProvider(target: ClassType): void {
    const { registry, container } = this.deps;
    const classScopes = getMetadataStorage().serverOf(target)?.options.scopes;
    for (const member of getMetadataStorage().membersOf(target)) {
      const origin = { target: member.target, methodName: member.methodName };
      const scopes = mergeScopes(classScopes, member.scopes);
      const env = container.env(target, registry);
      if (member.kind === 'tool')
        registry.addTool(Object.assign(buildTool(member, env), { scopes }), origin);
      else if (member.kind === 'resource')
        registry.addResource(Object.assign(buildResource(member, env), { scopes }), origin);
      else registry.addPrompt(Object.assign(buildPrompt(member, env), { scopes }), origin);
    }
  }

  /** Adds a function-based tool. */
  addTool(options: DynamicToolOptions): void {
    this.deps.registry.addTool(dynamicTool(options), {
      target: this.deps.owner,
      methodName: `addTool(${options.name})`,
    });
  }

  /** Adds a function-based resource or template. */
  addResource(options: DynamicResourceOptions): void {
    this.deps.registry.addResource(dynamicResource(options), {
      target: this.deps.owner,
      methodName: `addResource(${options.uri})`,
    });
  }

  /** Adds a function-based prompt. */
  addPrompt(options: DynamicPromptOptions): void {
    this.deps.registry.addPrompt(dynamicPrompt(options), {
      target: this.deps.owner,
      methodName: `addPrompt(${options.name})`,
    });
  }

  /** Serves (`true`) or stops serving an entry. */
  setEnabled(kind: EntryKind, name: string, enabled: boolean): boolean {
    return this.deps.registry.setEnabled(kind, name, enabled);
  }

  /** Removes an entry for good. */
  remove(kind: EntryKind, name: string): boolean {
    return this.deps.registry.remove(kind, name);
  }

  /** One page of a list result, `{ [key]: items, nextCursor? }`. */
  private page<K extends string, T>(
    key: K,
    items: readonly T[],
    cursor: unknown,
  ): { [P in K]: T[] } & { nextCursor?: string } {
    const { page, nextCursor } = paginate(items, cursor, this.deps.pageSize, key);
    const result = { [key]: page } as { [P in K]: T[] } & { nextCursor?: string };
    if (nextCursor) result.nextCursor = nextCursor;
    return result;
  }

  /** Registers the handlers the registry's entries need and the server does not have yet. */
  registerHandlers(): void {
    const s = this.deps.server;
    const r = this.deps.registry;
    const app = this.deps.container;
    if (r.tools.size > 0 && !s.hasHandler('tools/list')) {
      s.setRequestHandler('tools/list', (p, ctx) =>
        this.page(
          'tools',
          r.visible(r.listTools(), (t) => r.tools.get(t.name), ctx.auth),
          p.cursor,
        ),
      );
      s.setRequestHandler('tools/call', async (p, ctx) => {
        const entry = r.tool(p.name);
        checkScopes(`tool ${String(p.name)}`, entry.scopes, ctx.auth);
        if (!app.isReady) await app.start(); // no await per call once started
        const args = (p.arguments ?? {}) as Record<string, unknown>;
        // `return await`: an async function returning a promise as it is costs two more ticks
        return (await routeToolCall(
          entry,
          args,
          p as unknown as Record<string, unknown>,
          ctx,
          this.deps.taskEngines,
        )) as never;
      });
    }
    if ((r.resources.size > 0 || r.templates.size > 0) && !s.hasHandler('resources/list')) {
      s.setRequestHandler('resources/list', async (p, ctx) => {
        await app.start();
        return this.page(
          'resources',
          r.visible(await r.listResources(), (res) => r.resourceEntry(res.uri), ctx.auth),
          p.cursor,
        );
      });
      s.setRequestHandler('resources/templates/list', (p, ctx) =>
        this.page(
          'resourceTemplates',
          r.visible(r.listTemplates(), (t) => r.templates.get(t.uriTemplate), ctx.auth),
          p.cursor,
        ),
      );
      s.setRequestHandler('resources/read', async (p, ctx) => {
        await app.start();
        return r.read(p.uri, ctx);
      });
      s.setRequestHandler('resources/subscribe', async (p, ctx) => {
        const uri = checkUri('resources/subscribe', p.uri);
        checkScopes(`resource ${uri}`, r.resourceEntry(uri)?.scopes, ctx.auth);
        ctx.connection.subscriptions.add(uri);
        await ctx.connection.stateChanged?.();
        return {};
      });
      s.setRequestHandler('resources/unsubscribe', async (p, ctx) => {
        ctx.connection.subscriptions.delete(checkUri('resources/unsubscribe', p.uri));
        await ctx.connection.stateChanged?.();
        return {};
      });
    }
    if (r.prompts.size > 0 && !s.hasHandler('prompts/list')) {
      s.setRequestHandler('prompts/list', (p, ctx) =>
        this.page(
          'prompts',
          r.visible(r.listPrompts(), (q) => r.prompts.get(q.name), ctx.auth),
          p.cursor,
        ),
      );
      s.setRequestHandler('prompts/get', async (p, ctx) => {
        const entry = r.prompt(p.name);
        checkScopes(`prompt ${String(p.name)}`, entry.scopes, ctx.auth);
        await app.start();
        return entry.get((p.arguments ?? {}) as Record<string, string>, ctx);
      });
    }
    const hasTasks = [...r.tools.values()].some(
      (e) =>
        e.tool.execution?.taskSupport === 'optional' ||
        e.tool.execution?.taskSupport === 'required',
    );
    if (hasTasks && !s.hasHandler('tasks/get'))
      this.sessionCapabilities = registerTaskHandlers(s, this.deps.taskEngines);
    const hasCompletions = [...r.prompts.values(), ...r.templates.values()].some(
      (e) => e.completions.size > 0,
    );
    if (hasCompletions && !s.hasHandler('completion/complete')) {
      s.setRequestHandler('completion/complete', (p, ctx) => {
        checkScopes(
          'completion',
          requiredScopesOf(r, 'completion/complete', p as unknown as Record<string, unknown>),
          ctx.auth,
        );
        return this.complete(p);
      });
    }
  }

  private async complete(params: {
    ref: { type: string; name?: string; uri?: string };
    argument: { name: string; value: string };
    context?: { arguments?: Record<string, string> };
  }): Promise<CompleteResult> {
    const ref = params.ref;
    const registry = this.deps.registry;
    const completions =
      ref?.type === 'ref/prompt'
        ? registry.prompts.get(String(ref.name))?.completions
        : ref?.type === 'ref/resource'
          ? registry.templates.get(String(ref.uri))?.completions
          : undefined;
    if (!completions)
      throw new McpError(ErrorCode.InvalidParams, `Nothing to complete for ${JSON.stringify(ref)}`);
    const fn = completions.get(params.argument?.name);
    const values = fn
      ? await fn(String(params.argument.value ?? ''), {
          arguments: params.context?.arguments ?? {},
        })
      : [];
    return {
      completion: {
        values: values.slice(0, 100),
        total: values.length,
        hasMore: values.length > 100,
      },
    };
  }
}
