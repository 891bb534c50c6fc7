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
