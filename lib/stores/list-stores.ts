import { getDb } from "@/db/client";

/** The workspace's stores for pickers and labels; never their credentials. */
export async function listStores(workspaceId: string) {
  return getDb()
    .selectFrom("stores")
    .select(["id", "name", "platform", "active"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("name")
    .execute();
}
