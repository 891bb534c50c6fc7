import { sql, type Kysely } from "kysely";

// A digest of the order as its source last sent it: a re-sent order that matches it is
// "unchanged" without reading the stored order and its items back.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE orders ADD COLUMN import_hash TEXT`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE orders DROP COLUMN import_hash`.execute(db);
}
