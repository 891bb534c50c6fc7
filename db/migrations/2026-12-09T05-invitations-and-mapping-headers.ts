import { sql, type Kysely } from "kysely";

// Invitations to a workspace are links, not emails (a self-hosted install may have no mail
// server): only the token's SHA-256 is kept, and the row records how it ended (accepted, revoked)
// so a link works once. A saved CSV mapping keeps the header row it was made for, so Settings can
// show which column fills which field; mappings saved before this have none and show column numbers.
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE TABLE workspace_invitations (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      email TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('owner','admin','member')),
      token_hash TEXT NOT NULL UNIQUE,
      invited_by TEXT REFERENCES "User"(id) ON DELETE SET NULL,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      accepted_at INTEGER,
      accepted_by TEXT REFERENCES "User"(id) ON DELETE SET NULL,
      revoked_at INTEGER)`,
    sql`CREATE INDEX workspace_invitations_workspace ON workspace_invitations(workspace_id, created_at)`,
    sql`ALTER TABLE csv_mappings ADD COLUMN headers TEXT`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS workspace_invitations`.execute(db);
  await sql`ALTER TABLE csv_mappings DROP COLUMN headers`.execute(db);
}
