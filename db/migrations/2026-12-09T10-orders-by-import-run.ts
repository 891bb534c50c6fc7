import { sql, type Kysely } from "kysely";

// "The orders this import created" (the CSV result's link, a store run's line) is the orders
// whose "created" event names the run. Only creations by a run are indexed: a small index
// beside the events table, which updates and manual edits don't grow.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX order_events_created_by_run ON order_events(import_run_id, workspace_id) WHERE action = 'created' AND import_run_id IS NOT NULL`.execute(db);
}
