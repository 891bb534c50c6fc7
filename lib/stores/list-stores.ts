import { db } from "@/db/database";

/** The workspace's stores for pickers and labels (only the active ones when asked, as a new order's); never their credentials. */
export async function listStores(workspaceId: string, options: { active?: boolean } = {}) {
  let query = db.read.selectFrom("stores").select(["id", "name", "platform", "active"]).where("workspace_id", "=", workspaceId);
  if (options.active) query = query.where("active", "=", 1);
  return query.orderBy("name").execute();
}
