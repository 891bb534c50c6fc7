import { sql } from "kysely";
import { db } from "@/db/database";

/**
 * How long a store stays claimed after its importer last showed it was alive. A process killed
 * mid-import (a deploy, an out-of-memory kill, Vercel ending a function) cannot release its
 * lease, so this is how long the store then answers "busy" to the Import button and is skipped
 * by the ticks: short, because a live importer renews it every LEASE_RENEW_MS whatever it waits on.
 */
export const LEASE_MS = 2 * 60_000;
/** How often a live importer renews its leases: four chances before one runs out. */
export const LEASE_RENEW_MS = 30_000;

/** One conditional UPDATE: the store is ours only if no other import holds an unexpired lease. */
export async function claimStore(storeId: number, owner: string, now: number): Promise<boolean> {
  const result = await sql`
    UPDATE stores SET lease_owner = ${owner}, lease_until = ${now + LEASE_MS}
    WHERE id = ${storeId} AND (lease_until IS NULL OR lease_until < ${now})`.execute(db.write);
  return Number(result.numAffectedRows ?? 0) === 1;
}

/**
 * Renews every lease `owner` holds, every `everyMs`, for as long as the process lives and until
 * the returned stop is called: the heartbeat that lets a dead importer's leases run out soon. A
 * lease released or taken over since is left alone.
 */
export function keepLeases(owner: string, now: () => number = Date.now, everyMs = LEASE_RENEW_MS): () => void {
  const timer = setInterval(() => {
    db.write
      .updateTable("stores")
      .set({ lease_until: now() + LEASE_MS })
      .where("lease_owner", "=", owner)
      .where("lease_until", "is not", null)
      .execute()
      // A missed renewal costs nothing yet: there are three more before the lease runs out.
      .catch((error: unknown) => console.error("Renewing an import's lease failed:", error));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
