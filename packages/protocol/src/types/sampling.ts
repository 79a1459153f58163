/**
 * Sampling: the server asks the client's model for a message (`sampling/createMessage`). A
 * server request in the legacy era, an MRTR input request in 2026-07-28, where the feature is
 * deprecated.
 */
import type { JSONObject, Meta, Result } from './base';
import type { SamplingMessage } from './content';
import type { TaskMetadata } from './taskMetadata';
import type { Tool } from './tool';

/** A hint for choosing a model. */
export interface ModelHint {
  /** Substring of a model name (`sonnet`, `claude`), or a name the client may map to a similar model. */
  name?: string;
}

/** Advisory model-selection preferences; priorities go from 0 (unimportant) to 1 (most important). */
export interface ModelPreferences {
  /** Hints, evaluated in order; they take precedence over the priorities. */
  hints?: ModelHint[];
  /** Weight of low cost. */
  costPriority?: number;
  /** Weight of low latency. */
  speedPriority?: number;
  /** Weight of capability. */
  intelligencePriority?: number;
}

/** How the model may use tools during sampling (2025-11-25+). */
export interface ToolChoice {
  /** `auto` (default): model decides; `required`: must use a tool; `none`: must not. */
  mode?: 'auto' | 'required' | 'none';
}

/**
 * Params of `sampling/createMessage`. `_meta` and `task` exist in the legacy era only (the
 * 2026-07-28 input request has neither).
 */
export interface CreateMessageParams {
  /** The conversation so far. */
  messages: SamplingMessage[];
  /** Which model the server would like; the client may ignore it. */
  modelPreferences?: ModelPreferences;
  /** System prompt; the client may change or drop it. */
  systemPrompt?: string;
  /**
   * Context from MCP servers to attach. Default `none`; `thisServer` and `allServers` are
   * deprecated and need the client's `sampling.context` capability.
   */
  includeContext?: 'none' | 'thisServer' | 'allServers';
  temperature?: number;
  /** Upper bound on sampled tokens; the client may sample fewer. */
  maxTokens: number;
  stopSequences?: string[];
  /** Provider-specific metadata passed through to the LLM provider. */
  metadata?: JSONObject;
  /** Tools the model may use; needs the client's `sampling.tools` (2025-11-25+). */
  tools?: Tool[];
  /** Tool use mode; needs the client's `sampling.tools`. Default `{ mode: 'auto' }` (2025-11-25+). */
  toolChoice?: ToolChoice;
  /** Asks for task-augmented execution (2025-11-25 experimental; legacy only). */
  task?: TaskMetadata;
  /** Request metadata (legacy only). */
  _meta?: Meta;
}

/** `sampling/createMessage` as a method and its params (an MRTR input request in 2026-07-28). */
export interface CreateMessageRequest {
  method: 'sampling/createMessage';
  params: CreateMessageParams;
}

/** Why sampling stopped; providers may add their own reasons. */
export type StopReason = 'endTurn' | 'stopSequence' | 'maxTokens' | 'toolUse' | (string & {});

/**
 * Result of `sampling/createMessage`: the sampled message. The user should be able to review it
 * before the server sees it.
 */
export interface CreateMessageResult extends Result, SamplingMessage {
  /** Model that produced the message. */
  model: string;
  /** Why sampling stopped, if known (`toolUse`: 2025-11-25+). */
  stopReason?: StopReason;
}
