import { sql, type Kysely } from "kysely";

// orders.import_hash held three kinds of digest (the parsed order's, the API body's, a CSV row
// fingerprint); each kind now has its own column. CSV fingerprints are recognisable ("c1" and 32
// hex digits) and move over; the other two were the same shape and are dropped: the next re-send
// of such an order is compared field by field, with the same result, and stores its digest again.
//
// A CSV chunk is now applied in one transaction that also records it, so a chunk row is only
// ever a record: the claim columns go, and claims left by requests that died with them.
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`ALTER TABLE orders ADD COLUMN order_digest TEXT`,
    sql`ALTER TABLE orders ADD COLUMN api_digest TEXT`,
    sql`ALTER TABLE orders ADD COLUMN csv_fingerprint TEXT`,
    sql`UPDATE orders SET csv_fingerprint = import_hash WHERE import_hash GLOB 'c1[0-9a-f]*' AND length(import_hash) = 34`,
    sql`ALTER TABLE orders DROP COLUMN import_hash`,
    sql`CREATE TABLE csv_import_chunk_records (
      import_id TEXT NOT NULL REFERENCES csv_imports(id) ON DELETE CASCADE,
      chunk_index INTEGER NOT NULL,
      results TEXT NOT NULL,
      applied_at INTEGER NOT NULL,
      PRIMARY KEY (import_id, chunk_index)) WITHOUT ROWID`,
    sql`INSERT INTO csv_import_chunk_records SELECT import_id, chunk_index, results, COALESCE(applied_at, claimed_at) FROM csv_import_chunks WHERE results IS NOT NULL`,
    sql`DROP TABLE csv_import_chunks`,
    sql`ALTER TABLE csv_import_chunk_records RENAME TO csv_import_chunks`,
  ];
  for (const statement of statements) await statement.execute(db);
}
