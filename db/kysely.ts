import type { InStatement, InValue, ResultSet } from "@libsql/client";
import { Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from "kysely";
import type { Database } from "./schema";

/** Runs one statement; `kind` is the Kysely query node it was compiled from. */
type Run = (stmt: InStatement, kind?: string) => Promise<ResultSet>;

/**
 * A Kysely whose every query goes to `run`. Kysely's own `.transaction()` is refused: the seam's
 * `transaction(fn)` is the one way to open one, so that its handle is passed explicitly. A
 * `readOnly` one refuses at once any query built as a write (insertInto, updateTable…), on every
 * kind of database alike; raw `sql` it cannot judge, and leaves to the read connection.
 */
export function kyselyOver(run: Run, { readOnly = false } = {}): Kysely<Database> {
  const checked: Run = readOnly ? refusingWrites(run) : run;
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new StatementDriver(checked),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}

/** The query kinds a read may be: Kysely's own builders say which a query is, not its SQL text. */
const READ_KINDS = new Set(["SelectQueryNode", "RawNode"]);

function refusingWrites(run: Run) {
  return (stmt: InStatement, kind?: string) => {
    if (kind && !READ_KINDS.has(kind)) return Promise.reject(new Error(`A write (${kind}) was sent through \`read\`: send it through \`write\` or a transaction.`));
    return run(stmt);
  };
}

class StatementDriver implements Driver {
  readonly #connection: DatabaseConnection;

  constructor(run: Run) {
    this.#connection = {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        const result = await run({ sql: query.sql, args: query.parameters as InValue[] }, query.query.kind);
        return { rows: result.rows as unknown as R[], numAffectedRows: BigInt(result.rowsAffected), insertId: result.lastInsertRowid };
      },
      streamQuery() {
        throw new Error("Streaming queries are not supported; page with LIMIT instead.");
      },
    };
  }

  async init() {}
  async acquireConnection() {
    return this.#connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error("Open transactions with transaction(fn) from db/database.ts: it hands fn the transaction's handle.");
  }
  async commitTransaction() {}
  async rollbackTransaction() {}
  async releaseConnection() {}
  async destroy() {}
}
