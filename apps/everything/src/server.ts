/**
 * The "everything" server: one of each MCP feature, named as the official conformance suite
 * (@modelcontextprotocol/conformance) expects. Run over stdio, or `--http --port N`.
 */
import 'reflect-metadata';
import {
  Arg,
  Audio,
  Context,
  createServer,
  embeddedResource,
  Image,
  McpServer,
  Prompt,
  Resource,
  run,
  Tool,
} from '@typemcp/server';
import { ErrorCode, McpError } from '@typemcp/protocol';

import { CONFIRM_SCHEMA, NAME_SCHEMA, RED_PIXEL_PNG, SILENT_WAV } from './fixtures';
export { RED_PIXEL_PNG, SILENT_WAV } from './fixtures';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

@McpServer({
  name: 'typemcp-everything',
  version: '0.1.0',
  instructions: 'A server with one of everything, for tests.',
})
export class Everything {
  @Tool({ description: 'Returns simple text' })
  test_simple_text(): string {
    return 'This is a simple text response for testing.';
  }

  @Tool({ description: 'Echoes a region that is mirrored into the Mcp-Param-Region HTTP header' })
  test_custom_headers(
    @Arg({ header: 'Region', description: 'Region to route to' }) region: string,
    @Arg({ optional: true }) note: string,
  ): string {
    return `region=${region}${note ? ` note=${note}` : ''}`;
  }

  @Tool({ description: 'Returns an image' })
  test_image_content(): Image {
    return new Image({ data: RED_PIXEL_PNG, format: 'png' });
  }

  @Tool({ description: 'Returns audio' })
  test_audio_content(): Audio {
    return new Audio({ data: SILENT_WAV, format: 'wav' });
  }

  @Tool({ description: 'Returns an embedded resource' })
  test_embedded_resource(): unknown {
    return embeddedResource(
      'test://embedded-resource',
      'This is an embedded resource content.',
      'text/plain',
    );
  }

  @Tool({ description: 'Returns text, an image and a resource' })
  test_multiple_content_types(): unknown[] {
    return [
      'Multiple content types test:',
      new Image({ data: RED_PIXEL_PNG, format: 'png' }),
      embeddedResource(
        'test://mixed-content-resource',
        JSON.stringify({ test: 'data', value: 123 }),
        'application/json',
      ),
    ];
  }

  @Tool({ description: 'Sends three log messages while it runs' })
  async test_tool_with_logging(ctx: Context): Promise<string> {
    await ctx.info('Tool execution started');
    await sleep(50);
    await ctx.info('Tool processing data');
    await sleep(50);
    await ctx.info('Tool execution completed');
    return 'Tool with logging executed successfully';
  }

  @Tool({ description: 'Always fails' })
  test_error_handling(): string {
    throw new Error('This tool intentionally returns an error for testing');
  }

  @Tool({ description: 'Reports progress 0, 50, 100 of 100' })
  async test_tool_with_progress(ctx: Context): Promise<string> {
    await ctx.reportProgress(0, 100);
    await sleep(50);
    await ctx.reportProgress(50, 100);
    await sleep(50);
    await ctx.reportProgress(100, 100);
    return `Progress test completed (request ${String(ctx.requestId)})`;
  }

  @Tool({ description: 'Asks the client model to answer a prompt' })
  async test_sampling(
    @Arg({ description: 'The prompt to send to the LLM' }) prompt: string,
    ctx: Context,
  ): Promise<string> {
    const result = await ctx.sample(prompt, { maxTokens: 100 });
    const content = Array.isArray(result.content) ? result.content[0] : result.content;
    return `LLM response: ${content && content.type === 'text' ? content.text : JSON.stringify(content)}`;
  }

  @Tool({
    description:
      'Needs the sampling capability: a client without it gets -32021 (modern) or an error',
  })
  async test_missing_capability(ctx: Context): Promise<string> {
    const result = await ctx.sample('Say hello', { maxTokens: 10 });
    return `sampled with ${result.model}`;
  }

  @Tool({ description: 'Logs at every level; only what the client asked for is sent' })
  async test_logging_tool(ctx: Context): Promise<string> {
    await ctx.debug('debug message');
    await ctx.info('info message');
    await ctx.warning('warning message');
    await ctx.error('error message');
    return 'logged';
  }

  @Tool({ description: 'Asks the user for a username and an email' })
  async test_elicitation(
    @Arg({ description: 'The message to show the user' }) message: string,
    ctx: Context,
  ): Promise<string> {
    const result = await ctx.elicit(message, {
      type: 'object',
      properties: {
        username: { type: 'string', description: "User's response" },
        email: { type: 'string', description: "User's email address" },
      },
      required: ['username', 'email'],
    });
    return `User response: action=${result.action}, content=${JSON.stringify(result.content ?? {})}`;
  }

  @Tool({ description: 'Elicitation with defaults for every primitive type' })
  async test_elicitation_sep1034_defaults(ctx: Context): Promise<string> {
    const result = await ctx.elicit('Please review your details', {
      type: 'object',
      properties: {
        name: { type: 'string', default: 'John Doe' },
        age: { type: 'integer', default: 30 },
        score: { type: 'number', default: 95.5 },
        status: { type: 'string', enum: ['active', 'inactive', 'pending'], default: 'active' },
        verified: { type: 'boolean', default: true },
      },
    });
    return `Elicitation completed: action=${result.action}, content=${JSON.stringify(result.content ?? {})}`;
  }

  @Tool({ description: 'Elicitation with the five enum shapes' })
  async test_elicitation_sep1330_enums(ctx: Context): Promise<string> {
    const result = await ctx.elicit('Pick options', {
      type: 'object',
      properties: {
        untitledSingle: { type: 'string', enum: ['option1', 'option2', 'option3'] },
        titledSingle: {
          type: 'string',
          oneOf: [
            { const: 'value1', title: 'First Option' },
            { const: 'value2', title: 'Second Option' },
            { const: 'value3', title: 'Third Option' },
          ],
        },
        legacyEnum: {
          type: 'string',
          enum: ['opt1', 'opt2', 'opt3'],
          enumNames: ['Option One', 'Option Two', 'Option Three'],
        },
        untitledMulti: {
          type: 'array',
          items: { type: 'string', enum: ['option1', 'option2', 'option3'] },
        },
        titledMulti: {
          type: 'array',
          items: {
            anyOf: [
              { const: 'value1', title: 'First Choice' },
              { const: 'value2', title: 'Second Choice' },
              { const: 'value3', title: 'Third Choice' },
            ],
          },
        },
      },
    });
    return `Elicitation completed: action=${result.action}, content=${JSON.stringify(result.content ?? {})}`;
  }

  @Tool({ description: 'Multi round-trip: asks the user for their name' })
  async test_input_required_result_elicitation(ctx: Context): Promise<string> {
    const answer = await ctx.elicit('What is your name?', NAME_SCHEMA, { key: 'user_name' });
    return `Hello, ${String(answer.content?.name ?? 'stranger')}!`;
  }

  @Tool({
    description:
      'Asks for input on its response stream: an InputRequiredResult, never a server-to-client request',
  })
  async test_streaming_elicitation(ctx: Context): Promise<string> {
    await ctx.info('about to ask');
    const answer = await ctx.elicit('What is your name?', NAME_SCHEMA, { key: 'user_name' });
    return `Hello, ${String(answer.content?.name ?? 'stranger')}!`;
  }

  @Tool({ description: 'Multi round-trip: asks the client model a question' })
  async test_input_required_result_sampling(ctx: Context): Promise<string> {
    const answer = await ctx.sample('What is the capital of France?', {
      maxTokens: 100,
      key: 'capital_question',
    });
    const block = Array.isArray(answer.content) ? answer.content[0] : answer.content;
    return `The model said: ${block?.type === 'text' ? block.text : JSON.stringify(block)}`;
  }

  @Tool({ description: 'Multi round-trip: asks the client for its roots' })
  async test_input_required_result_list_roots(ctx: Context): Promise<string> {
    const roots = await ctx.listRoots({ key: 'client_roots' });
    return `Client roots: ${roots.map((r) => r.uri).join(', ') || '(none)'}`;
  }

  @Tool({ description: 'Multi round-trip with a requestState the server verifies' })
  async test_input_required_result_request_state(ctx: Context): Promise<string> {
    const answer = await ctx.elicit('Please confirm', CONFIRM_SCHEMA, { key: 'confirm' });
    return `state-ok: confirmed=${String(answer.content?.ok)}`;
  }

  @Tool({ description: 'Multi round-trip whose requestState is integrity-protected' })
  async test_input_required_result_tampered_state(ctx: Context): Promise<string> {
    const answer = await ctx.elicit('Please confirm', CONFIRM_SCHEMA, { key: 'confirm' });
    return `state-ok: confirmed=${String(answer.content?.ok)}`;
  }

  @Tool({ description: 'Three rounds: name, then colour, then the answer' })
  async test_input_required_result_multi_round(ctx: Context): Promise<string> {
    const name = await ctx.elicit('Step 1: What is your name?', NAME_SCHEMA, { key: 'step1' });
    const color = await ctx.elicit(
      'Step 2: What is your favorite color?',
      { type: 'object', properties: { color: { type: 'string' } }, required: ['color'] },
      { key: 'step2' },
    );
    return `Hello ${String(name.content?.name)}, your favorite color is ${String(color.content?.color)}`;
  }

  @Tool({ description: 'One round asking for elicitation, sampling and roots at once' })
  async test_input_required_result_multiple_inputs(ctx: Context): Promise<string> {
    const answers = await ctx.ask({
      user_name: {
        method: 'elicitation/create',
        params: { message: 'What is your name?', requestedSchema: NAME_SCHEMA },
      },
      greeting: {
        method: 'sampling/createMessage',
        params: {
          messages: [{ role: 'user', content: { type: 'text', text: 'Generate a greeting' } }],
          maxTokens: 50,
        },
      },
      client_roots: { method: 'roots/list', params: {} },
    });
    return `Got ${Object.keys(answers).sort().join(', ')}`;
  }

  @Tool({ description: 'Asks only for what the client declared it supports' })
  async test_input_required_result_capabilities(ctx: Context): Promise<string> {
    if (ctx.clientCapabilities.elicitation) {
      const answer = await ctx.elicit('What is your name?', NAME_SCHEMA, { key: 'user_name' });
      return `elicited ${JSON.stringify(answer.content ?? {})}`;
    }
    if (ctx.clientCapabilities.sampling) {
      const answer = await ctx.sample('Say hello', { maxTokens: 20, key: 'hello' });
      return `sampled from ${answer.model}`;
    }
    return 'the client offers no way to ask';
  }

  @Prompt({ description: 'A prompt that asks the user for context first (multi round-trip)' })
  async test_input_required_result_prompt(ctx: Context): Promise<string> {
    const answer = await ctx.elicit(
      'What context should the prompt use?',
      { type: 'object', properties: { context: { type: 'string' } }, required: ['context'] },
      { key: 'user_context' },
    );
    return `Use this context: ${String(answer.content?.context)}`;
  }

  @Tool({
    description:
      'Closes its SSE stream mid-call; the result arrives when the client resumes (SSE polling)',
  })
  async test_reconnection(ctx: Context): Promise<string> {
    ctx.closeSseStream();
    await new Promise((resolve) => setTimeout(resolve, 200));
    return 'Reconnection test completed successfully';
  }

  @Tool({ description: 'Greets synchronously (never a task)' })
  greet(name: string): string {
    return `Hello, ${name}!`;
  }

  @Tool({
    description:
      'Sleeps for some seconds, then answers; runs as a task when the client supports tasks',
    task: 'optional',
  })
  async slow_compute(@Arg({ optional: true }) seconds: number, ctx: Context): Promise<string> {
    const ms = Math.max(0, Math.min(Number(seconds ?? 1), 30)) * 1000;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      ctx.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return `Computed after ${seconds ?? 1}s`;
  }

  @Tool({ description: 'Asks for confirmation, then deletes (a task)', task: 'optional' })
  async confirm_delete(@Arg({ optional: true }) path: string, ctx: Context): Promise<string> {
    const answer = await ctx.elicit(`Delete ${path ?? 'the file'}?`, CONFIRM_SCHEMA, {
      key: 'confirm',
    });
    return answer.action === 'accept' && answer.content?.ok
      ? `Deleted ${path ?? 'the file'}`
      : 'Kept';
  }

  @Tool({ description: 'Asks two questions at once (a task)', task: 'optional' })
  async multi_input(ctx: Context): Promise<string> {
    const answers = await ctx.ask({
      first: {
        method: 'elicitation/create',
        params: { message: 'First?', requestedSchema: NAME_SCHEMA },
      },
      second: {
        method: 'elicitation/create',
        params: { message: 'Second?', requestedSchema: NAME_SCHEMA },
      },
    });
    return `Got ${Object.keys(answers).sort().join(' and ')}`;
  }

  @Tool({ description: 'Runs only as a task, and fails', task: 'required' })
  failing_job(): string {
    throw new Error('The job failed');
  }

  @Tool({ description: 'Runs only as a task, and fails with a protocol error', task: 'optional' })
  protocol_error_job(): string {
    throw new McpError(ErrorCode.InternalError, 'The job crashed');
  }

  @Tool({
    description: 'Asks for a name synchronously, then continues as a task',
    task: 'required',
    taskStart: 'explicit',
  })
  async test_tool_with_task(ctx: Context): Promise<string> {
    const answer = await ctx.elicit('What is your name?', NAME_SCHEMA, { key: 'user_name' });
    await ctx.runAsTask();
    return `Task done for ${String(answer.content?.name)}`;
  }

  @Resource('test://static-text', { description: 'A static text resource', mimeType: 'text/plain' })
  staticText(): string {
    return 'This is the content of the static text resource.';
  }

  @Resource('test://static-binary', {
    description: 'A static binary resource',
    mimeType: 'image/png',
  })
  staticBinary(): Uint8Array {
    return RED_PIXEL_PNG;
  }

  @Resource('test://watched-resource', {
    description: 'A resource clients can subscribe to',
    mimeType: 'text/plain',
  })
  watched(): string {
    return 'Watched resource content';
  }

  @Resource('test://template/{id}/data', {
    description: 'Data by id',
    mimeType: 'application/json',
  })
  templateData(
    @Arg({ complete: (v) => ['123', '456', '789'].filter((x) => x.startsWith(v)) }) id: string,
  ): object {
    return { id, templateTest: true, data: `Data for ID: ${id}` };
  }

  @Prompt({ description: 'A simple prompt' })
  test_simple_prompt(): string {
    return 'This is a simple prompt for testing.';
  }

  @Prompt({ description: 'A prompt with two arguments' })
  test_prompt_with_arguments(
    @Arg({
      description: 'First test argument',
      complete: (v) => ['paris', 'park', 'party'].filter((x) => x.startsWith(v)),
    })
    arg1: string,
    @Arg({ description: 'Second test argument' }) arg2: string,
  ): string {
    return `Prompt with arguments: arg1='${arg1}', arg2='${arg2}'`;
  }

  @Prompt({ description: 'A prompt embedding a resource' })
  test_prompt_with_embedded_resource(
    @Arg({ description: 'URI of the resource to embed' }) resourceUri: string,
  ): unknown[] {
    return [
      embeddedResource(resourceUri, 'Embedded resource content for testing.', 'text/plain'),
      'Please process the embedded resource above.',
    ];
  }

  @Prompt({ description: 'A prompt with an image' })
  test_prompt_with_image(): unknown[] {
    return [new Image({ data: RED_PIXEL_PNG, format: 'png' }), 'Please analyze the image above.'];
  }
}

/** The JSON Schema 2020-12 features the conformance suite checks are preserved verbatim. */
const JSON_SCHEMA_2020_12 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object' as const,
  $defs: {
    address: {
      $anchor: 'addressDef',
      type: 'object',
      properties: { street: { type: 'string' }, city: { type: 'string' } },
    },
  },
  properties: {
    name: { type: 'string' },
    address: { $ref: '#/$defs/address' },
    contactMethod: { type: 'string', enum: ['phone', 'email'] },
    phone: { type: 'string' },
    email: { type: 'string' },
  },
  allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
  if: { properties: { contactMethod: { const: 'phone' } }, required: ['contactMethod'] },
  then: { required: ['phone'] },
  else: { required: ['email'] },
  additionalProperties: false,
};

/** The everything server as an app (a test can serve it in-process). */
export function createEverything() {
  const app = createServer({ providers: [Everything] });
  app.addTool({
    name: 'json_schema_2020_12_tool',
    description: 'Tool with a JSON Schema 2020-12 input schema',
    inputSchema: JSON_SCHEMA_2020_12,
    handler: (args) => ({ content: [{ type: 'text', text: `Received: ${JSON.stringify(args)}` }] }),
  });
  let extraTools = 0;
  app.addTool({
    name: 'test_trigger_tool_change',
    description: 'Adds a tool, so subscribers get notifications/tools/list_changed',
    handler: () => {
      const name = `dynamic_tool_${++extraTools}`;
      app.addTool({
        name,
        description: 'Added at run time',
        handler: () => ({ content: [{ type: 'text', text: name }] }),
      });
      return { content: [{ type: 'text', text: `added ${name}` }] };
    },
  });
  app.addTool({
    name: 'test_trigger_prompt_change',
    description:
      'Disables and re-enables a prompt, so subscribers get notifications/prompts/list_changed',
    handler: () => {
      app.disable('prompt', 'test_simple_prompt');
      app.enable('prompt', 'test_simple_prompt');
      return { content: [{ type: 'text', text: 'prompt list changed' }] };
    },
  });
  return app;
}

if (require.main === module) void run(createEverything());
