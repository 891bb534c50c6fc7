import Database from "libsql";
import type { InArgs, InStatement, InValue, ResultSet, Transaction, TransactionMode } from "@libsql/client";

type Statement = ReturnType<Database.Database["prepare"]>;

/** Prepared statements kept per connection; enough for every shape the write path issues. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * The write connection of a `file:` database, on the libSQL engine @libsql/client itself uses
 * for files, with one difference that matters for bulk imports: prepared statements are
 * cached by SQL text. Preparing a 500-row INSERT costs more than running it (26% of an import's
 * time, measured), and the write path reuses a few statement shapes.
 * Speaks the subset of @libsql/client's Client that Kysely and the write path use.
 */
export class NativeWriter {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Statement>();

  constructor(path: string) {
    this.#db = new Database(path);
  }

  execute(stmt: InStatement): Promise<ResultSet> {
    try {
      return Promise.resolve(this.#run(stmt));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async batch(stmts: InStatement[], mode: TransactionMode = "write"): Promise<ResultSet[]> {
    this.#db.exec(beginFor(mode));
    try {
      const results = stmts.map((stmt) => this.#run(stmt));
      this.#db.exec("COMMIT");
      return results;
    } catch (error) {
      if (this.#db.inTransaction) this.#db.exec("ROLLBACK");
      throw error;
    }
  }

  async transaction(mode: TransactionMode = "write"): Promise<Transaction> {
    this.#db.exec(beginFor(mode));
    let closed = false;
    const end = (sql: "COMMIT" | "ROLLBACK") => {
      if (closed) return;
      closed = true;
      if (this.#db.inTransaction) this.#db.exec(sql);
    };
    const transaction = {
      execute: (stmt: InStatement) => this.execute(stmt),
      batch: async (stmts: InStatement[]) => stmts.map((stmt) => this.#run(stmt)),
      executeMultiple: async (sql: string) => void this.#db.exec(sql),
      commit: async () => end("COMMIT"),
      rollback: async () => end("ROLLBACK"),
      close: () => end("ROLLBACK"),
      get closed() {
        return closed;
      },
    };
    return transaction as unknown as Transaction;
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

function beginFor(mode: TransactionMode): string {
  return mode === "write" ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED";
}

function toSqlArgs(args: InArgs | undefined): unknown[] {
  if (args === undefined) return [];
  if (!Array.isArray(args)) throw new Error("The write connection takes positional arguments only");
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
