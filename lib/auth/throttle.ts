import { sql } from "kysely";
import { db } from "@/db/database";

// Sign-in throttling that a stranger can't turn against a merchant (OWASP ASVS V2.2.1: soft
// lock-outs that resist abuse, never across unrelated accounts):
// - per account AND address: 5 failures in 15 minutes lock that account for that address only,
//   so whoever guesses from one address locks themselves out, not the merchant elsewhere;
// - per account, from everywhere: past 20 failures in 15 minutes, each further failure locks the
//   account for a delay that doubles from one second up to one minute. Guessing from many
//   addresses (or with no trustworthy address at all, see client-address.ts) is slowed to about
//   one try a minute, while the merchant, at worst, waits a minute.
// Nothing is counted per address across accounts: behind no proxy every request can share one
// address, and one typo would otherwise lock everyone on the server.
export const SIGN_IN_LIMITS = {
  /** Failures per account and address in one window before that pair is locked for the window. */
  accountAddress: 5,
  /** Failures per account from anywhere in one window before the back-off starts. */
  account: 20,
  windowMs: 15 * 60_000,
  /** The account-wide back-off: first delay and ceiling. */
  backOffStartMs: 1000,
  backOffMaxMs: 60_000,
} as const;

export interface ThrottleKeys {
  account: string;
  /** Null when the caller's address can't be trusted: only the account-wide back-off applies. */
  accountAddress: string | null;
}

export function throttleKeys(email: string, address: string | null): ThrottleKeys {
  return { account: `account:${email}`, accountAddress: address ? `account-address:${email}|${address}` : null };
}

/** When sign-in is locked for this account from this address, the instant it opens again; otherwise null. */
export async function signInLockedUntil(keys: ThrottleKeys, now = Date.now()): Promise<number | null> {
  const rows = await db.read
    .selectFrom("auth_throttle")
    .select("locked_until")
    .where("key", "in", [keys.account, ...(keys.accountAddress ? [keys.accountAddress] : [])])
    .where("locked_until", ">", now)
    .execute();
  return rows.length ? Math.max(...rows.map((row) => row.locked_until!)) : null;
}

/**
 * The `code` a locked sign-in carries to the form (Auth.js passes a CredentialsSignin's code
 * through), with the whole minutes to wait: a back-off of seconds must not read "15 minutes".
 */
export function lockedSignInCode(lockedUntil: number, now = Date.now()): string {
  return `locked-${Math.max(1, Math.ceil((lockedUntil - now) / 60_000))}`;
}

/** The minutes a `lockedSignInCode` says to wait; null for any other code. */
export function minutesOfLockedSignIn(code: string | undefined): number | null {
  const match = /^locked-(\d{1,3})$/.exec(code ?? "");
  return match ? Number(match[1]) : null;
}

/** The account-wide delay after `failures` failures in one window: none below the limit, then doubling to the ceiling. */
export function accountBackOffMs(failures: number): number {
  if (failures < SIGN_IN_LIMITS.account) return 0;
  const doublings = Math.min(failures - SIGN_IN_LIMITS.account, 16);
  return Math.min(SIGN_IN_LIMITS.backOffStartMs * 2 ** doublings, SIGN_IN_LIMITS.backOffMaxMs);
}

export async function recordSignInFailure(keys: ThrottleKeys, now = Date.now()) {
  const failures = await countFailure(keys.account, now);
  const delay = accountBackOffMs(failures);
  if (delay > 0) await lockUntil(keys.account, now + delay);
  if (keys.accountAddress && (await countFailure(keys.accountAddress, now)) >= SIGN_IN_LIMITS.accountAddress) {
    await lockUntil(keys.accountAddress, now + SIGN_IN_LIMITS.windowMs);
  }
}

/** One more failure for `key` in its window (a window that has ended starts over); the window's count. */
async function countFailure(key: string, now: number): Promise<number> {
  const windowStart = now - SIGN_IN_LIMITS.windowMs;
  const { failures } = await db.write
    .insertInto("auth_throttle")
    .values({ key, failures: 1, window_started_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet((eb) => ({
        failures: eb.case().when("auth_throttle.window_started_at", "<", windowStart).then(1).else(eb("auth_throttle.failures", "+", 1)).end(),
        window_started_at: eb.case().when("auth_throttle.window_started_at", "<", windowStart).then(now).else(eb.ref("auth_throttle.window_started_at")).end(),
      })),
    )
    .returning("failures")
    .executeTakeFirstOrThrow();
  return failures;
}

async function lockUntil(key: string, until: number) {
  await db.write.updateTable("auth_throttle").set({ locked_until: until }).where("key", "=", key).execute();
}

/** After a successful sign-in: the owner proved who they are, from this address. */
export async function clearSignInFailures(keys: ThrottleKeys) {
  await db.write.deleteFrom("auth_throttle").where("key", "in", [keys.account, ...(keys.accountAddress ? [keys.accountAddress] : [])]).execute();
}

/**
 * Every failure recorded against this email, from every address: when its account is created,
 * since failures recorded before it existed were not guesses at its password and must not lock
 * its new owner out (or make a sign-up say it failed).
 */
export async function forgetSignInFailuresOf(email: string) {
  const keys = throttleKeys(email, "");
  const pairPrefix = `account-address:${email}|`;
  await db.write
    .deleteFrom("auth_throttle")
    .where((eb) => eb.or([eb("key", "=", keys.account), eb(sql<number>`instr(${sql.ref("key")}, ${pairPrefix})`, "=", 1)]))
    .execute();
}
