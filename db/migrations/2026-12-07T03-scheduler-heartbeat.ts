import { sql, type Kysely } from "kysely";

// The scheduler's heartbeat: when the last auto-import tick ended and what it did, one row, so
// GET /api/health can tell an uptime monitor whether auto-import is running.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE scheduler_heartbeat (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_tick_at INTEGER NOT NULL,
    last_tick_ms INTEGER NOT NULL,
    last_tick_claimed INTEGER NOT NULL,
    last_tick_failed INTEGER NOT NULL
  )`.execute(db);
}
