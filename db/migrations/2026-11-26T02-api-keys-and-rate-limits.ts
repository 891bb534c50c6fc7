import { sql, type Kysely } from "kysely";

// API keys for the REST API (the public `key` finds the row; only the secret's SHA-256 is kept),
// and the fixed one-minute windows of the API rate limiter, kept in the database so every app
// instance sharing it counts against the same limit.
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE TABLE api_keys (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      key TEXT NOT NULL UNIQUE,
      secret_hash TEXT NOT NULL,
      created_by TEXT,
      created_at INTEGER NOT NULL,
      last_used_at INTEGER,
      revoked_at INTEGER)`,
    sql`CREATE INDEX api_keys_workspace ON api_keys(workspace_id, created_at)`,
    sql`CREATE TABLE rate_limit_windows (
      key TEXT NOT NULL,
      window_start INTEGER NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (key, window_start)) WITHOUT ROWID`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS rate_limit_windows`.execute(db);
  await sql`DROP TABLE IF EXISTS api_keys`.execute(db);
}
