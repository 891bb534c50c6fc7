import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { expect } from "vitest";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";

/**
 * Outside Next.js there is no request: the signed-in user is the test's. A test file hands these
 * to `vi.mock` (auth, next-auth, next/headers, next/cache); everything after them (the membership
 * lookup, the action builder, lib) is the real code.
 *
 *   vi.mock("@/lib/auth/auth", async () => (await import("../helpers/server-actions")).requestEdge.auth);
 */
export const signedIn = { userId: null as string | null };

export const requestEdge = {
  auth: { auth: async () => (signedIn.userId ? { user: { id: signedIn.userId } } : null), signIn: async () => undefined, signOut: async () => undefined },
  nextAuth: { AuthError: class AuthError extends Error {} },
  headers: {
    cookies: async () => ({ get: () => undefined, set: () => undefined }),
    headers: async () => new Headers({ "accept-language": "en" }),
  },
  cache: { revalidatePath: () => {} },
};

export type ServerAction = (...args: never[]) => Promise<unknown>;

/**
 * Every action exported by a "use server" file under app/, as "file#export"; an inline action
 * (a "use server" inside a function) as "file#default"; a whole file as "file#*" when `wholeFiles`
 * lists it so. Tests keep their own table of actions and compare it with this, so a new action
 * can't go unchecked.
 */
export function listServerActions(wholeFiles: ReadonlySet<string> = new Set()): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) {
        const text = readFileSync(path, "utf8");
        if (!/^\s*["']use server["']/m.test(text)) continue;
        const file = relative("app", path).split(sep).join("/");
        if (wholeFiles.has(`${file}#*`)) found.push(`${file}#*`);
        else if (!/^["']use server["']/.test(text.trimStart())) found.push(`${file}#default`);
        else for (const match of text.matchAll(/^export (?:const|async function) (\w+)/gm)) found.push(`${file}#${match[1]}`);
      }
    }
  };
  walk("app");
  return [...new Set(found)].sort();
}

/** The action a "file#export" name stands for, imported as the app imports it. */
export async function loadServerAction(name: string): Promise<ServerAction> {
  const [file, exported] = name.split("#");
  const module = (await import(/* @vite-ignore */ resolve("app", file))) as Record<string, ServerAction>;
  return module[exported];
}

/** A form as the browser posts it: one value per field. */
export function formOf(fields: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** What a server action's redirect() threw: the path it sends the browser to. */
export async function redirectOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(() => null, (caught: unknown) => caught);
  expect(isRedirectError(error)).toBe(true);
  return getURLFromRedirectError(error as Parameters<typeof getURLFromRedirectError>[0]);
}
