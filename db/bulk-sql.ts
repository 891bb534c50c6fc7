import type { InStatement, InValue } from "@libsql/client";

/** SQLite's default cap on bound parameters in one statement. */
const MAX_PARAMETERS = 32_000;

/**
 * Multi-row INSERTs of `rows` (values in `columns` order). Statements hold a power-of-two number
 * of rows (the largest the parameter cap allows, then the remainder in halving sizes), so a
 * batch of any size reuses a few statement texts the write connection has already prepared.
 *
 * A column that has never held a value in this process is written as a literal NULL instead of
 * a bound one: binding a value costs about as much as SQLite storing it, and an order row leaves
 * most of its 65 columns empty. Once a column holds a value it stays bound, so each table sees
 * at most one statement text per column that starts being used, not one per mix of empty cells.
 */
export function insertRowsStatements(table: string, columns: readonly string[], rows: InValue[][], conflictClause = ""): InStatement[] {
  if (rows.length === 0) return [];
  const bound = boundColumnsOf(`${table}|${columns.join(",")}|${conflictClause}`, columns.length, rows);
  const statements: InStatement[] = [];
  const largest = 2 ** Math.floor(Math.log2(Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, bound.count)))));
  let start = 0;
  for (let size = largest; size >= 1 && start < rows.length; ) {
    if (rows.length - start < size) {
      size /= 2;
      continue;
    }
    statements.push({ sql: insertSql(table, columns, bound, size, conflictClause), args: flatten(rows, start, start + size, bound) });
    start += size;
  }
  return statements;
}

interface BoundColumns {
  /** Per column: has it held a value (anything but null or undefined) in this process? */
  held: boolean[];
  count: number;
  /** Which columns are bound, as a string of 0s and 1s: part of the statement's cache key. */
  signature: string;
}

const boundColumnsByShape = new Map<string, BoundColumns>();

function boundColumnsOf(shape: string, width: number, rows: InValue[][]): BoundColumns {
  let bound = boundColumnsByShape.get(shape);
  if (!bound) {
    bound = { held: new Array<boolean>(width).fill(false), count: 0, signature: "" };
    boundColumnsByShape.set(shape, bound);
  }
  if (bound.count === width) return bound;
  let changed = bound.signature === "";
  for (let column = 0; column < width; column++) {
    if (bound.held[column]) continue;
    for (const row of rows) {
      if (row[column] != null) {
        bound.held[column] = true;
        bound.count++;
        changed = true;
        break;
      }
    }
  }
  if (changed) bound.signature = bound.held.map((held) => (held ? "1" : "0")).join("");
  return bound;
}

const insertSqlCache = new Map<string, string>();

function insertSql(table: string, columns: readonly string[], bound: BoundColumns, rowCount: number, conflictClause: string): string {
  const key = `${table}|${columns.join(",")}|${bound.signature}|${rowCount}|${conflictClause}`;
  let text = insertSqlCache.get(key);
  if (!text) {
    const placeholders = `(${columns.map((_, column) => (bound.held[column] ? "?" : "NULL")).join(",")})`;
    text = `INSERT INTO ${table} (${columns.join(",")}) VALUES ${Array(rowCount).fill(placeholders).join(",")}${conflictClause ? ` ${conflictClause}` : ""}`;
    insertSqlCache.set(key, text);
  }
  return text;
}

export function placeholdersFor(values: readonly unknown[]): string {
  return values.map(() => "?").join(",");
}

function flatten(rows: InValue[][], start: number, end: number, bound: BoundColumns): InValue[] {
  const values: InValue[] = [];
  const all = bound.count === bound.held.length;
  for (let index = start; index < end; index++) {
    const row = rows[index];
    if (all) for (const value of row) values.push(value);
    else for (let column = 0; column < row.length; column++) if (bound.held[column]) values.push(row[column]);
  }
  return values;
}
