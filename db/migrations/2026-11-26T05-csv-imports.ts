import { sql, type Kysely } from "kysely";

// A CSV import is parsed in the browser and sent in chunks; the server keeps the import's record
// (what was chosen, how far it got) and each chunk's results, so a chunk sent twice is applied once
// and a page reload can show where the import stands.
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE TABLE csv_imports (
      id TEXT PRIMARY KEY,
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      store_id INTEGER NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
      run_id INTEGER NOT NULL REFERENCES import_runs(id),
      file_name TEXT NOT NULL,
      options TEXT NOT NULL,
      mapping TEXT NOT NULL,
      headers TEXT NOT NULL,
      total_chunks INTEGER NOT NULL,
      total_rows INTEGER NOT NULL,
      status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running','succeeded','partial','failed')),
      created INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL DEFAULT 0, unchanged INTEGER NOT NULL DEFAULT 0,
      skipped INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      finished_at INTEGER)`,
    sql`CREATE INDEX csv_imports_workspace ON csv_imports(workspace_id, created_at)`,
    // A row is a claim on the chunk (results NULL while it is applied), then its record.
    // auto_numbers: the order numbers reserved for its AUTO orders, reused if the claim is retaken.
    sql`CREATE TABLE csv_import_chunks (
      import_id TEXT NOT NULL REFERENCES csv_imports(id) ON DELETE CASCADE,
      chunk_index INTEGER NOT NULL,
      claimed_at INTEGER NOT NULL,
      auto_numbers TEXT NOT NULL DEFAULT '[]',
      results TEXT,
      applied_at INTEGER,
      PRIMARY KEY (import_id, chunk_index)) WITHOUT ROWID`,
    sql`CREATE TABLE csv_mappings (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      headers_signature TEXT NOT NULL,
      mapping TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      UNIQUE (workspace_id, name))`,
    sql`CREATE INDEX csv_mappings_signature ON csv_mappings(workspace_id, headers_signature)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["csv_mappings", "csv_import_chunks", "csv_imports"]) await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
}
