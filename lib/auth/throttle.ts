import { db } from "@/db/database";

/** Failures allowed in one window before the key is locked for the rest of it. */
export const SIGN_IN_LIMITS = { account: 5, address: 20, windowMs: 15 * 60_000 } as const;

export function throttleKeys(email: string, address: string | null) {
  return { account: `account:${email}`, address: address ? `address:${address}` : null };
}

/** When sign-in is locked for either key, the instant it opens again; otherwise null. */
export async function signInLockedUntil(keys: ReturnType<typeof throttleKeys>, now = Date.now()): Promise<number | null> {
  const rows = await db.read
    .selectFrom("auth_throttle")
    .select("locked_until")
    .where("key", "in", [keys.account, ...(keys.address ? [keys.address] : [])])
    .where("locked_until", ">", now)
    .execute();
  return rows.length ? Math.max(...rows.map((row) => row.locked_until!)) : null;
}

export async function recordSignInFailure(keys: ReturnType<typeof throttleKeys>, now = Date.now()) {
  const entries: [string, number][] = [[keys.account, SIGN_IN_LIMITS.account]];
  if (keys.address) entries.push([keys.address, SIGN_IN_LIMITS.address]);
  for (const [key, limit] of entries) {
    const windowStart = now - SIGN_IN_LIMITS.windowMs;
    await db.write
      .insertInto("auth_throttle")
      .values({ key, failures: 1, window_started_at: now, locked_until: limit <= 1 ? now + SIGN_IN_LIMITS.windowMs : null })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet((eb) => ({
          // A window that has ended starts over at one failure.
          failures: eb.case().when("auth_throttle.window_started_at", "<", windowStart).then(1).else(eb("auth_throttle.failures", "+", 1)).end(),
          window_started_at: eb.case().when("auth_throttle.window_started_at", "<", windowStart).then(now).else(eb.ref("auth_throttle.window_started_at")).end(),
          locked_until: eb
            .case()
            .when(eb.and([eb("auth_throttle.window_started_at", ">=", windowStart), eb("auth_throttle.failures", ">=", limit - 1)]))
            .then(now + SIGN_IN_LIMITS.windowMs)
            .else(eb.ref("auth_throttle.locked_until"))
            .end(),
        })),
      )
      .execute();
  }
}

export async function clearSignInFailures(keys: ReturnType<typeof throttleKeys>) {
  await db.write.deleteFrom("auth_throttle").where("key", "=", keys.account).execute();
}
