import { sql, type Kysely } from "kysely";

// Rows the browser could not read into orders never reach the server; the import records how many,
// so its state after a reload says "partial" as the page did.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE csv_imports ADD COLUMN rows_left_out INTEGER NOT NULL DEFAULT 0`.execute(db);
}
