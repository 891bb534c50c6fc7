import type { Kysely } from "kysely";
import { randomUUID } from "node:crypto";
import type { Database } from "@/db/schema";
import { seedSampleRateCards } from "@/lib/rating/rate-cards";

export const MANUAL_STORE_NAME = "Manual Orders";

/**
 * A workspace, its owner's membership, the "Manual Orders" store every workspace has, and the
 * built-in sample rate cards (labelled sample prices) so the rate calculator answers at once.
 */
export async function createWorkspace(trx: Kysely<Database>, input: { name: string; ownerUserId: string }, now = Date.now()) {
  const workspaceId = randomUUID();
  await trx.insertInto("workspaces").values({ id: workspaceId, name: input.name, created_at: now }).execute();
  await trx.insertInto("memberships").values({ workspace_id: workspaceId, user_id: input.ownerUserId, role: "owner", created_at: now }).execute();
  const store = await trx
    .insertInto("stores")
    .values({ workspace_id: workspaceId, platform: "manual", name: MANUAL_STORE_NAME, auto_import: 0, created_at: now, modified_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  await seedSampleRateCards(trx, workspaceId, now);
  return { workspaceId, manualStoreId: store.id };
}
