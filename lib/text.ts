import { z } from "zod";
import { en } from "@/lib/i18n/messages/en";

// The rule for text at every boundary (order bodies, the API's query parameters, the orders
// list's and export's search): text containing NUL (U+0000) or a lone UTF-16 surrogate is
// REFUSED, never altered. SQLite cuts a string at NUL and the driver turns a lone surrogate
// into U+FFFD, so storing such text would silently change it: an orderKey would no longer match
// itself on the next send (a 500 on UNIQUE), and a note would lose its end. Stripping instead
// would have the same effect on identifiers (two keys becoming one), and one rule for
// identifiers and free text alike is the one clients can learn. Writes answer a field error
// naming the field; a malformed search term on a page falls back like any other malformed URL
// parameter there (the list shows, and the export writes, the same view).

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Zod keeps a message as text: the English catalog's, which forms read back into its key (lib/i18n/message.ts).
export const NUL_MESSAGE = en.formErrors.nulCharacter;
export const SURROGATE_MESSAGE = en.formErrors.loneSurrogate;

/** Why this text can't be stored or searched as sent, or null when it can. */
export function unsafeTextProblem(value: string): string | null {
  if (value.includes("\u0000")) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(value)) return SURROGATE_MESSAGE;
  return null;
}

/**
 * A string schema that refuses NUL and lone surrogates (see the rule above), to chain the
 * field's own rules on: `safeText(z.string().trim().max(200))`.
 */
export function safeText<T extends z.ZodString>(schema: T = z.string() as T): T {
  return schema.superRefine((value, context) => {
    const problem = unsafeTextProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  }) as T;
}
