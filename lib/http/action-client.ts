import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Role } from "@/db/schema";
import { getSignedInUser, getWorkspaceSession } from "@/lib/auth/session";
import { AppError, parseWith, type ErrorCode } from "@/lib/errors";
import { getI18n, getTimeZone } from "@/lib/i18n/server";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { localize, message, renderMessage } from "@/lib/i18n/message";

/** What any form action can answer besides its own success: every action's state extends it. */
export interface FormState {
  error?: string;
  /** Keyed by the form's field names (`shipTo.postalCode`, `credentials.accessToken`). */
  fieldErrors?: Record<string, string[]>;
  /** The fields as sent, so the form shows them again; never secrets. */
  values?: Record<string, string>;
}

/** What a handler gets: who calls, in which workspace, the parsed input and the request's translator. */
export interface ActionContext<Input> {
  workspaceId: string;
  userId: string;
  role: Role;
  input: Input;
  /** The form's values as `options.values` keeps them, for a success state that leaves the form filled in. */
  values: Record<string, string> | undefined;
  t: Translate;
}

/** An error code's message: a translation, or one built from the error (a lib message that is already the right words). */
export type ErrorMessage = MessageKey | ((error: AppError, t: Translate) => string);

export interface ActionOptions<Args extends unknown[], Schema extends z.ZodType> {
  /** The call's arguments (bound ids, the posted FormData) as the value `schema` parses. */
  input: (...args: Args) => unknown;
  /** The entity's schema; a function when parsing depends on the request (dates read in the merchant's time zone). */
  schema: Schema | ((request: { timeZone: string }) => Schema);
  /** Which roles may call it; every member of the workspace when omitted. */
  allow?: (role: Role) => boolean;
  /** The fields a failed form gets back; by default the posted form's own. Leave secrets out here. */
  values?: (...args: Args) => Record<string, string> | undefined;
  /** Messages per error code, over the defaults (check the fields, sign in, not allowed; else the error's own message). */
  errors?: Partial<Record<ErrorCode, ErrorMessage>>;
  /** For invalid input: a field's translated message in place of the schema's, by field name. */
  fieldErrors?: Record<string, MessageKey>;
}

const DEFAULT_MESSAGES: Partial<Record<ErrorCode, MessageKey>> = {
  invalid_input: "actions.fixFields",
  unauthorized: "actions.signIn",
  forbidden: "actions.forbidden",
};

/** A form's string fields; React's own `$ACTION_…` fields are not the merchant's. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}

/**
 * Builds a server action, as Dub's `authActionClient` does: the session and the workspace
 * membership (`getWorkspaceSession`), the role when `allow` says which, the input parsed with the
 * entity's schema, then `handler`. `AppError`s (the refusals above included) come back as the
 * form's `{ error, fieldErrors, values }`, translated where `errors` or the defaults say how; a
 * handler's `redirect()` and anything unexpected are rethrown.
 *
 * Every state a handler returns extends `FormState` with optional fields only: the form starts
 * from `{}`, and a failure is that state too.
 */
export function workspaceAction<Args extends unknown[], Schema extends z.ZodType, State extends FormState>(
  options: ActionOptions<Args, Schema>,
  handler: (context: ActionContext<z.output<Schema>>) => Promise<State>,
): (...args: Args) => Promise<State> {
  return async (...args) => {
    const [session, { t }] = await Promise.all([getWorkspaceSession(), getI18n()]);
    const values = valuesOf(options, args);
    return settle(options, t, values, async () => {
      // No session and a user in no workspace alike: there is no workspace to act in.
      if (!session) throw new AppError("unauthorized", message("actions.signIn"));
      if (options.allow && !options.allow(session.role)) throw new AppError("forbidden", message("actions.forbidden"));
      const input = await parseInput(options, args);
      return handler({ workspaceId: session.workspaceId, userId: session.userId, role: session.role, input, values, t });
    });
  };
}

/**
 * The same for a signed-in user outside any workspace's role (accepting an invitation, whose
 * workspace is not the one they act in yet): the session's user, the input, then `handler`.
 */
export function signedInAction<Args extends unknown[], Schema extends z.ZodType, State extends FormState>(
  options: Omit<ActionOptions<Args, Schema>, "allow">,
  handler: (context: Pick<ActionContext<z.output<Schema>>, "userId" | "input" | "values" | "t"> & { email: string }) => Promise<State>,
): (...args: Args) => Promise<State> {
  return async (...args) => {
    const [user, { t }] = await Promise.all([getSignedInUser(), getI18n()]);
    const values = valuesOf(options, args);
    return settle(options, t, values, async () => {
      if (!user) throw new AppError("unauthorized", message("actions.signIn"));
      return handler({ userId: user.userId, email: user.email, input: await parseInput(options, args), values, t });
    });
  };
}

/** The same without a session, for the forms that start one (sign-up). */
export function publicAction<Args extends unknown[], Schema extends z.ZodType, State extends FormState>(
  options: Omit<ActionOptions<Args, Schema>, "allow">,
  handler: (context: Pick<ActionContext<z.output<Schema>>, "input" | "values" | "t">) => Promise<State>,
): (...args: Args) => Promise<State> {
  return async (...args) => {
    const { t } = await getI18n();
    const values = valuesOf(options, args);
    return settle(options, t, values, async () => handler({ input: await parseInput(options, args), values, t }));
  };
}

function valuesOf<Args extends unknown[]>(options: Pick<ActionOptions<Args, z.ZodType>, "values">, args: Args) {
  if (options.values) return options.values(...args);
  const form = args.at(-1);
  return form instanceof FormData ? formValues(form) : undefined;
}

async function parseInput<Args extends unknown[], Schema extends z.ZodType>(options: Pick<ActionOptions<Args, Schema>, "input" | "schema">, args: Args) {
  const schema = typeof options.schema === "function" ? options.schema({ timeZone: await getTimeZone() }) : options.schema;
  return parseWith(schema as z.ZodType<z.output<Schema>>, options.input(...args), "form");
}

async function settle<State extends FormState>(
  options: Pick<ActionOptions<unknown[], z.ZodType>, "errors" | "fieldErrors">,
  t: Translate,
  values: Record<string, string> | undefined,
  run: () => Promise<State>,
): Promise<State> {
  try {
    return await run();
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are Next's control flow, not failures.
    if (!(error instanceof AppError)) throw error;
    return failure(error, options, t, values) as State;
  }
}

function failure(error: AppError, options: Pick<ActionOptions<unknown[], z.ZodType>, "errors" | "fieldErrors">, t: Translate, values: Record<string, string> | undefined): FormState {
  const message = messageOf(error, options.errors?.[error.code] ?? DEFAULT_MESSAGES[error.code], t);
  const state: FormState = { error: message };
  if (error.fieldErrors) {
    // Invalid input keeps each field's own message (or its translation); any other error named a field because of itself.
    state.fieldErrors = Object.fromEntries(
      Object.entries(error.fieldErrors).map(([field, messages]) => {
        if (error.code !== "invalid_input") return [field, [message]];
        const key = options.fieldErrors?.[field];
        return [field, key ? [t(key)] : (error.fieldMessages?.[field] ?? messages).map((said) => localize(said, t))];
      }),
    );
  }
  if (values) state.values = values;
  return state;
}

/** What lib said in the merchant's language: its message key when it gave one, else its words (translated when they are a catalog's). */
export function saidOf(error: AppError, t: Translate): string {
  return error.key ? renderMessage({ key: error.key, params: error.params }, t) : localize(error.message, t);
}

function messageOf(error: AppError, message: ErrorMessage | undefined, t: Translate): string {
  if (message === undefined) return saidOf(error, t);
  return typeof message === "function" ? message(error, t) : t(message);
}
