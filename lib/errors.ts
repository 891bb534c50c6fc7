import type { ZodType } from "zod";

export type ErrorCode = "not_found" | "conflict" | "invalid_input" | "rate_limited" | "unauthorized" | "forbidden" | "payload_too_large";

/** A failure the caller can act on; route wrappers and actions map `code` to HTTP or form errors. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function notFound(what = "Not found"): AppError {
  return new AppError("not_found", what);
}

/** Zod issues as `{ "shipTo.postalCode": ["…"] }`, the shape forms and the API report. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[], fallback = "form"): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) (fieldErrors[issue.path.map(String).join(".") || fallback] ??= []).push(issue.message);
  return fieldErrors;
}

/** Parses with the entity's schema; the errors name each field by its path. */
export function parseWith<T>(schema: ZodType<T>, value: unknown, what = "request"): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error.issues, what);
    const summary = Object.entries(fieldErrors).map(([field, messages]) => `${field}: ${messages[0]}`).join("; ");
    throw new AppError("invalid_input", `Invalid ${what}. ${summary}`, fieldErrors);
  }
  return parsed.data;
}

/** A request body's JSON; malformed JSON is a 400 that says where. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("invalid_input", `Malformed JSON: ${(error as Error).message}`);
  }
}
