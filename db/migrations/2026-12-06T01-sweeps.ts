import { sql, type Kysely } from "kysely";

// A store's daily sweep (its last week read again, to catch what incremental pulls missed) and
// a merchant's sweep of a date range are import runs marked as such; the store keeps when it was
// last swept and how many orders that sweep found that the incremental pulls had missed.
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`ALTER TABLE stores ADD COLUMN last_sweep_at INTEGER`,
    sql`ALTER TABLE stores ADD COLUMN last_sweep_missed INTEGER`,
    sql`ALTER TABLE import_runs ADD COLUMN sweep_from INTEGER`,
    sql`ALTER TABLE import_runs ADD COLUMN sweep_until INTEGER`,
  ];
  for (const statement of statements) await statement.execute(db);
}
