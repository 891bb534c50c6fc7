import { sql, type Kysely } from "kysely";

// A store's last automatic import, for the Stores page: the newest run with trigger "schedule",
// found without walking past the webhook and Import-button runs in between.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX import_runs_store_trigger ON import_runs(workspace_id, store_id, trigger, started_at)`.execute(db);
}
