import type { InStatement, InValue } from "@libsql/client";

/** SQLite's default cap on bound parameters in one statement. */
const MAX_PARAMETERS = 32_000;

/**
 * Multi-row INSERTs of `rows` (values in `columns` order). Statements hold a power-of-two number
 * of rows (the largest the parameter cap allows, then the remainder in halving sizes), so a
 * batch of any size reuses a few statement texts the write connection has already prepared.
 */
export function insertRowsStatements(table: string, columns: readonly string[], rows: InValue[][], conflictClause = ""): InStatement[] {
  const statements: InStatement[] = [];
  const largest = 2 ** Math.floor(Math.log2(Math.max(1, Math.floor(MAX_PARAMETERS / columns.length))));
  let start = 0;
  for (let size = largest; size >= 1 && start < rows.length; ) {
    if (rows.length - start < size) {
      size /= 2;
      continue;
    }
    const chunk = rows.slice(start, start + size);
    statements.push({ sql: insertSql(table, columns, size, conflictClause), args: flatten(chunk) });
    start += size;
  }
  return statements;
}

const insertSqlCache = new Map<string, string>();

function insertSql(table: string, columns: readonly string[], rowCount: number, conflictClause: string): string {
  const key = `${table}|${columns.join(",")}|${rowCount}|${conflictClause}`;
  let text = insertSqlCache.get(key);
  if (!text) {
    const placeholders = `(${columns.map(() => "?").join(",")})`;
    text = `INSERT INTO ${table} (${columns.join(",")}) VALUES ${Array(rowCount).fill(placeholders).join(",")}${conflictClause ? ` ${conflictClause}` : ""}`;
    insertSqlCache.set(key, text);
  }
  return text;
}

export function placeholdersFor(values: readonly unknown[]): string {
  return values.map(() => "?").join(",");
}

function flatten(rows: InValue[][]): InValue[] {
  const values: InValue[] = [];
  for (const row of rows) for (const value of row) values.push(value);
  return values;
}
