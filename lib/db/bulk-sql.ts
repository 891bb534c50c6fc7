import type { InStatement, InValue } from "@libsql/client";

/** SQLite's default cap on bound parameters in one statement. */
const MAX_PARAMETERS = 32_000;

/** Multi-row INSERTs of `rows` (values in `columns` order), as few statements as the parameter cap allows. */
export function insertRowsStatements(table: string, columns: readonly string[], rows: InValue[][], conflictClause = ""): InStatement[] {
  if (rows.length === 0) return [];
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const placeholders = `(${columns.map(() => "?").join(",")})`;
  const statements: InStatement[] = [];
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    statements.push({
      sql: `INSERT INTO ${table} (${columns.join(",")}) VALUES ${chunk.map(() => placeholders).join(",")}${conflictClause ? ` ${conflictClause}` : ""}`,
      args: flatten(chunk),
    });
  }
  return statements;
}

export function placeholdersFor(values: readonly unknown[]): string {
  return values.map(() => "?").join(",");
}

function flatten(rows: InValue[][]): InValue[] {
  const values: InValue[] = [];
  for (const row of rows) for (const value of row) values.push(value);
  return values;
}
