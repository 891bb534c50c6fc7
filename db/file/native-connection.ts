import Database from "libsql";
import type { InArgs, InStatement, InValue, ResultSet } from "@libsql/client";
import type { StatementRunner } from "../database";

type Statement = ReturnType<Database.Database["prepare"]>;

/** Prepared statements kept per connection; enough for every shape the write path issues. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * One connection to a database file, on the libSQL engine @libsql/client itself uses for files,
 * with one difference that matters for bulk imports: prepared statements are cached by SQL
 * text. Preparing a 500-row INSERT costs more than running it (26% of an import's time,
 * measured), and the write path reuses a few statement shapes. The engine is synchronous: a
 * statement holds the event loop while it runs.
 */
export class NativeConnection implements StatementRunner {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Statement>();
  /** The same connection, for statements inside the transaction `begin` opened. */
  readonly inTransaction: StatementRunner;

  constructor(path: string, pragmas: readonly string[]) {
    this.#db = new Database(path);
    for (const pragma of pragmas) this.#db.exec(pragma);
    this.inTransaction = {
      execute: async (stmt) => this.#run(stmt),
      batch: async (stmts) => stmts.map((stmt) => this.#run(stmt)),
    };
  }

  async execute(stmt: InStatement): Promise<ResultSet> {
    return this.#run(stmt);
  }

  /** The statements as one transaction. */
  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    this.begin();
    try {
      const results = stmts.map((stmt) => this.#run(stmt));
      this.commit();
      return results;
    } catch (error) {
      this.rollback();
      throw error;
    }
  }

  begin() {
    this.#db.exec("BEGIN IMMEDIATE");
  }

  commit() {
    this.#db.exec("COMMIT");
  }

  rollback() {
    if (this.#db.inTransaction) this.#db.exec("ROLLBACK");
  }

  close() {
    this.#statements.clear();
    this.#db.close();
  }

  #prepare(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (statement) {
      this.#statements.delete(sql);
    } else {
      statement = this.#db.prepare(sql);
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.delete(this.#statements.keys().next().value!);
    }
    this.#statements.set(sql, statement);
    return statement;
  }

  #run(stmt: InStatement): ResultSet {
    const sql = typeof stmt === "string" ? stmt : stmt.sql;
    const args = typeof stmt === "string" ? [] : toSqlArgs(stmt.args);
    const statement = this.#prepare(sql);
    if (statement.reader) {
      const rows = statement.all(args) as Record<string, unknown>[];
      const columns = (statement.columns() as { name: string }[]).map((column) => column.name);
      return resultSet(columns, rows, 0, undefined);
    }
    const info = statement.run(args) as { changes: number; lastInsertRowid: number | bigint };
    return resultSet([], [], info.changes, BigInt(info.lastInsertRowid));
  }
}

function toSqlArgs(args: InArgs | undefined): unknown[] {
  if (args === undefined) return [];
  if (!Array.isArray(args)) throw new Error("Statements take positional arguments only");
  // Bulk inserts bind tens of thousands of plain values: copy only when one needs converting.
  for (const value of args) if (value === undefined || (typeof value === "object" && value !== null) || typeof value === "boolean") return args.map(toSqlValue);
  return args;
}

function toSqlValue(value: InValue | undefined): unknown {
  if (value === undefined) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.valueOf();
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  return value;
}

function resultSet(columns: string[], rows: Record<string, unknown>[], rowsAffected: number, lastInsertRowid: bigint | undefined): ResultSet {
  return {
    columns,
    columnTypes: columns.map(() => ""),
    rows: rows as unknown as ResultSet["rows"],
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({ columns, rows, rowsAffected, lastInsertRowid: lastInsertRowid?.toString() }),
  };
}
