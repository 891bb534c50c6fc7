// Not marked server-only: creating a workspace seeds the sample cards, and scripts/start.ts creates the demo workspace outside Next.
import { sql } from "kysely";
import { db, type WriteTransaction } from "@/db/database";

/** Call inside every transaction that changes a workspace's rate cards or zone charts. */
export async function bumpRatingVersion(tx: WriteTransaction, workspaceId: string): Promise<void> {
  await tx.db.updateTable("workspaces").set({ rating_version: sql`rating_version + 1` }).where("id", "=", workspaceId).execute();
}

/** The workspace's rating version: a cache built at another version is stale. */
export async function readRatingVersion(workspaceId: string): Promise<number> {
  const row = await db.read.selectFrom("workspaces").select("rating_version").where("id", "=", workspaceId).executeTakeFirst();
  return row?.rating_version ?? 0;
}
