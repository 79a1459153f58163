/**
 * Elicitation: the server asks the user for input through the client (`elicitation/create`,
 * 2025-06-18+), by a flat form or (2025-11-25+) by sending the user to a URL. A server request in
 * the legacy era, an MRTR input request in 2026-07-28.
 */
import type { Meta, NotificationParams, Result } from './base';
import type { TaskMetadata } from './taskMetadata';

/** A text field. */
export interface StringSchema {
  type: 'string';
  title?: string;
  description?: string;
  minLength?: number;
  maxLength?: number;
  format?: 'email' | 'uri' | 'date' | 'date-time';
  default?: string;
}

/** A number field (`integer` for whole numbers). */
export interface NumberSchema {
  type: 'number' | 'integer';
  title?: string;
  description?: string;
  minimum?: number;
  maximum?: number;
  default?: number;
}

/** A yes/no field. */
export interface BooleanSchema {
  type: 'boolean';
  title?: string;
  description?: string;
  default?: boolean;
}

/** Pick one of plain values (2025-11-25+). */
export interface UntitledSingleSelectEnumSchema {
  type: 'string';
  title?: string;
  description?: string;
  /** The values to choose from. */
  enum: string[];
  default?: string;
}

/** Pick one option, each shown with its own label (2025-11-25+). */
export interface TitledSingleSelectEnumSchema {
  type: 'string';
  title?: string;
  description?: string;
  /** The options: value (`const`) and label (`title`). */
  oneOf: Array<{ const: string; title: string }>;
  default?: string;
}

/** Pick one value, with or without labels. */
export type SingleSelectEnumSchema = UntitledSingleSelectEnumSchema | TitledSingleSelectEnumSchema;

/** Pick several of plain values (2025-11-25+). */
export interface UntitledMultiSelectEnumSchema {
  type: 'array';
  title?: string;
  description?: string;
  /** Fewest values to pick. */
  minItems?: number;
  /** Most values to pick. */
  maxItems?: number;
  /** The values to choose from. */
  items: { type: 'string'; enum: string[] };
  default?: string[];
}

/** Pick several options, each shown with its own label (2025-11-25+). */
export interface TitledMultiSelectEnumSchema {
  type: 'array';
  title?: string;
  description?: string;
  /** Fewest options to pick. */
  minItems?: number;
  /** Most options to pick. */
  maxItems?: number;
  /** The options: value (`const`) and label (`title`). */
  items: { anyOf: Array<{ const: string; title: string }> };
  default?: string[];
}

/** Pick several values, with or without labels. */
export type MultiSelectEnumSchema = UntitledMultiSelectEnumSchema | TitledMultiSelectEnumSchema;

/**
 * The 2025-06-18 enum field, labels in the non-standard `enumNames`. Kept for compatibility;
 * prefer {@link TitledSingleSelectEnumSchema}.
 */
export interface LegacyTitledEnumSchema {
  type: 'string';
  title?: string;
  description?: string;
  enum: string[];
  /** Labels of the `enum` values, in the same order. */
  enumNames?: string[];
  default?: string;
}

/** Any choice field. */
export type EnumSchema = SingleSelectEnumSchema | MultiSelectEnumSchema | LegacyTitledEnumSchema;

/** Any field a form may ask for: primitives only, no nesting. */
export type PrimitiveSchemaDefinition = StringSchema | NumberSchema | BooleanSchema | EnumSchema;

/**
 * Params of a form-mode `elicitation/create`: non-sensitive data only. `_meta` and `task` exist in
 * the legacy era only.
 */
export interface ElicitRequestFormParams {
  /** `form`; may be omitted (the only mode before 2025-11-25). */
  mode?: 'form';
  /** What is being asked, shown to the user. */
  message: string;
  /** The form: a flat object schema of primitive fields. */
  requestedSchema: {
    $schema?: string;
    type: 'object';
    properties: { [key: string]: PrimitiveSchemaDefinition };
    required?: string[];
  };
  /** Asks for task-augmented execution (2025-11-25 experimental; legacy only). */
  task?: TaskMetadata;
  /** Request metadata (legacy only). */
  _meta?: Meta;
}

/**
 * Params of a URL-mode `elicitation/create` (2025-11-25+): the user completes an interaction
 * out of band, e.g. a sign-in page.
 */
export interface ElicitRequestURLParams {
  mode: 'url';
  /** Why the user should go there. */
  message: string;
  /**
   * Server-unique id, echoed by `notifications/elicitation/complete`. Required in 2025-11-25;
   * removed in 2026-07-28 (servers correlate through `requestState` there).
   */
  elicitationId?: string;
  /** Where to send the user. */
  url: string;
  /** Asks for task-augmented execution (2025-11-25 experimental; legacy only). */
  task?: TaskMetadata;
  /** Request metadata (legacy only). */
  _meta?: Meta;
}

/** Params of `elicitation/create`. */
export type ElicitRequestParams = ElicitRequestFormParams | ElicitRequestURLParams;

/** `elicitation/create` as a method and its params (an MRTR input request in 2026-07-28). */
export interface ElicitRequest {
  method: 'elicitation/create';
  params: ElicitRequestParams;
}

/** Result of `elicitation/create`. */
export interface ElicitResult extends Result {
  /** `accept`: submitted or confirmed; `decline`: refused; `cancel`: dismissed without choosing. */
  action: 'accept' | 'decline' | 'cancel';
  /** The form's values; only when accepted in form mode. */
  content?: { [key: string]: string | number | boolean | string[] };
}

/**
 * Params of `notifications/elicitation/complete`: a URL-mode elicitation finished (2025-11-25
 * only). The spec gives these params no `_meta`; it is allowed here like on any notification.
 */
export interface ElicitationCompleteNotificationParams extends NotificationParams {
  /** The `elicitationId` of the finished elicitation. */
  elicitationId: string;
}
