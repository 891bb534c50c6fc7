import type { ZodType } from "zod";
import { inEnglish, message, type Localizable, type Message, type MessageParams } from "@/lib/i18n/message";
import type { MessageKey } from "@/lib/i18n/translate";

export type ErrorCode = "not_found" | "conflict" | "invalid_input" | "rate_limited" | "unauthorized" | "forbidden" | "payload_too_large" | "unsupported_media_type";

/**
 * A failure the caller can act on; route wrappers and actions map `code` to HTTP or form errors.
 * Built from a `Message`, it carries its key and params for pages to translate, and its English
 * words as `message` for the API and logs; built from a string, those words are all it has.
 */
export class AppError extends Error {
  readonly key?: MessageKey;
  readonly params?: MessageParams;

  constructor(
    readonly code: ErrorCode,
    said: string | Message,
    readonly fieldErrors?: Record<string, string[]>,
    /** `fieldErrors` with the keys their messages came from, where a schema kept them (the order form's). */
    readonly fieldMessages?: Record<string, Localizable[]>,
  ) {
    super(typeof said === "string" ? said : inEnglish(said));
    this.name = "AppError";
    if (typeof said !== "string") {
      this.key = said.key;
      this.params = said.params;
    }
  }
}

export function notFound(what: string | Message = "Not found"): AppError {
  return new AppError("not_found", what);
}

/** Zod issues as `{ "shipTo.postalCode": ["…"] }`, the shape forms and the API report. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[], fallback = "form"): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) (fieldErrors[issue.path.map(String).join(".") || fallback] ??= []).push(issue.message);
  return fieldErrors;
}

/** Zod issues as `fieldErrorsOf` groups them, each with the message (key and values) a schema put in its `params.said`. */
function fieldMessagesOf(issues: readonly { path: readonly PropertyKey[]; message: string; params?: Record<string, unknown> }[], fallback: string): Record<string, Localizable[]> {
  const fieldMessages: Record<string, Localizable[]> = {};
  for (const issue of issues) {
    const said = issue.params?.said as Localizable | undefined;
    (fieldMessages[issue.path.map(String).join(".") || fallback] ??= []).push(said ?? { message: issue.message });
  }
  return fieldMessages;
}

/** Parses with the entity's schema; the errors name each field by its path. */
export function parseWith<T>(schema: ZodType<T>, value: unknown, what = "request"): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error.issues, what);
    const summary = Object.entries(fieldErrors).map(([field, messages]) => `${field}: ${messages[0]}`).join("; ");
    const issues = parsed.error.issues as readonly (typeof parsed.error.issues[number] & { params?: Record<string, unknown> })[];
    const fieldMessages = issues.some((issue) => issue.params?.said) ? fieldMessagesOf(issues, what) : undefined;
    throw new AppError("invalid_input", `Invalid ${what}. ${summary}`, fieldErrors, fieldMessages);
  }
  return parsed.data;
}

/**
 * How deep a body's JSON may nest. A ShipStation order is five levels deep (a batch, an order,
 * its items, an item's options, an option); a CSV mapping or chunk fewer. Refusing deeper text
 * before parsing keeps every recursive walk after it (the schemas, digests, JSON.stringify) from
 * overflowing the stack on a small, deeply nested body.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * A request body's JSON; malformed JSON is a 400 that says where, nesting past `MAX_JSON_DEPTH`
 * a 400 that says so. A leading UTF-8 byte order mark (some Windows tools write one) is skipped.
 * Every JSON body reader goes through here.
 */
export function parseJsonBody(text: string): unknown {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (jsonDepthExceeds(json, MAX_JSON_DEPTH)) {
    throw new AppError("invalid_input", message("formErrors.jsonTooDeep", { max: MAX_JSON_DEPTH }));
  }
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new AppError("invalid_input", message("formErrors.malformedJson", { reason: (error as Error).message }));
  }
}

/**
 * Whether JSON text opens more than `limit` objects and arrays inside each other, counted on
 * the text in one loop (no recursion, so no input can overflow it). Brackets inside strings
 * don't count; malformed text is left for JSON.parse to describe.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92 /* \\ */) i++;
      else if (code === 34 /* " */) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 123 /* { */ || code === 91 /* [ */) {
      if (++depth > limit) return true;
    } else if (code === 125 /* } */ || code === 93 /* ] */) depth--;
  }
  return false;
}
