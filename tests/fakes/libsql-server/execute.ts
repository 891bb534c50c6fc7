import type Database from "libsql";
import { setTimeout as sleep } from "node:timers/promises";
import { parameterNames, splitStatements, statementKind, type StatementKind } from "./sql-text";

/**
 * Hrana statements, batches and sequences on one SQLite connection, with sqld's rules for
 * arguments, results and error codes (libsql-server/src/hrana/{stmt,batch}.rs, query.rs).
 */

export type Connection = Database.Database;

/** A request a correct client never sends. sqld answers the whole HTTP request 400, in plain text. */
export class ProtocolError extends Error {}

/** An error sqld reports as `{ message, code }`: the result of one request or batch step. */
export class HranaError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** The SQLite extended code behind it, if any (sqld sends only the primary code). */
    readonly sqliteCode?: string,
  ) {
    super(message);
  }
  toProto() {
    return { message: this.message, code: this.code };
  }
}

export type Value =
  | { type: "null" }
  | { type: "integer"; value: string }
  | { type: "float"; value: number }
  | { type: "text"; value: string }
  | { type: "blob"; base64: string };
export interface Stmt {
  sql?: string | null;
  sql_id?: number | null;
  args?: Value[];
  named_args?: { name: string; value: Value }[];
  want_rows?: boolean;
}
export type BatchCond =
  | { type: "ok" | "error"; step: number }
  | { type: "not"; cond: BatchCond }
  | { type: "and" | "or"; conds: BatchCond[] }
  | { type: "is_autocommit" };
export interface Batch {
  steps: { condition?: BatchCond | null; stmt: Stmt }[];
}
export interface StmtResult {
  cols: { name: string; decltype: string | null }[];
  rows: Value[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
}

interface Compiled extends StatementKind {
  sql: string;
  positional: unknown[];
  named: Map<string, unknown>;
  wantRows: boolean;
}

export function resolveSql(sql: string | null | undefined, sqlId: number | null | undefined, sqls: Map<number, string>): string {
  if (sql != null && sqlId != null) throw new ProtocolError("Either `sql` or `sql_id` are required, but not both");
  if (sqlId != null) {
    const stored = sqls.get(sqlId);
    if (stored === undefined) throw new ProtocolError(`SQL text ${sqlId} not found`);
    return stored;
  }
  if (sql == null) throw new ProtocolError("Either `sql` or `sql_id` are required");
  return sql;
}

function oneStatement(sql: string): string {
  const statements = splitStatements(sql);
  if (statements.length === 0) throw new HranaError("SQL string does not contain any statement", "SQL_NO_STATEMENT");
  if (statements.length > 1) throw new HranaError("SQL string contains more than one statement", "SQL_MANY_STATEMENTS");
  return statements[0];
}

/** What sqld checks before running anything: SQL text, one statement, one kind of arguments. */
export function compile(stmt: Stmt, sqls: Map<number, string>): Compiled {
  const sql = oneStatement(resolveSql(stmt.sql, stmt.sql_id, sqls));
  const args = stmt.args ?? [];
  const namedArgs = stmt.named_args ?? [];
  if (args.length > 0 && namedArgs.length > 0) {
    throw new HranaError("Specifying both positional and named arguments is not supported", "ARGS_BOTH_POSITIONAL_AND_NAMED");
  }
  const named = new Map(namedArgs.map(({ name, value }) => [name, fromProto(value)]));
  return { sql, positional: args.map(fromProto), named, wantRows: stmt.want_rows ?? true, ...statementKind(sql) };
}

/**
 * sqld's binding (query.rs, `Params::bind`): `?` and `?N` take positional values, a name takes
 * the value named with or without its prefix, and a parameter left without a value, or more values
 * than parameters, is an error. The values go to `libsql` by index, which it always gets right.
 */
function bind({ sql, positional, named, isExplain }: Compiled): unknown[] {
  const names = parameterNames(sql);
  const given = positional.length + named.size;
  if (given > names.length) throw argsInvalid(`too many parameters, expected ${names.length} found ${given}`);
  return names.map((name, i) => {
    const value =
      name === null ? positional[i] : name.startsWith("?") ? positional[Number(name.slice(1)) - 1] : named.has(name) ? named.get(name) : named.get(name.slice(1));
    if (value !== undefined) return value;
    if (isExplain) return null;
    throw argsInvalid(`value for parameter ${name ?? i + 1} not found`);
  });
}

const argsInvalid = (detail: string) => new HranaError(`Arguments do not match SQL parameters: ${detail}`, "ARGS_INVALID");

function fromProto(value: Value): unknown {
  switch (value?.type) {
    case "null":
      return null;
    case "integer":
      if (!/^-?\d+$/.test(String(value.value))) throw new ProtocolError(`Cannot deserialize client message from JSON: bad integer ${value.value}`);
      return BigInt(value.value);
    case "float":
      return Number(value.value);
    case "text":
      return String(value.value);
    case "blob":
      return Buffer.from(value.base64, "base64");
    default:
      throw new ProtocolError("Value type not recognized");
  }
}

function toProto(value: unknown): Value {
  if (value === null) return { type: "null" };
  if (typeof value === "bigint") return { type: "integer", value: value.toString() };
  if (typeof value === "number") return { type: "float", value };
  if (typeof value === "string") return { type: "text", value };
  // sqld writes blobs as base64 without padding.
  if (value instanceof Uint8Array) return { type: "blob", base64: Buffer.from(value).toString("base64").replace(/=+$/, "") };
  throw new Error(`SQLite returned a value Hrana cannot carry: ${String(value)}`);
}

/**
 * Maps a SQLite error the way sqld does: its own parser rejects bad syntax (SQL_PARSE_ERROR),
 * rusqlite reports other errors found while preparing as SQL_INPUT_ERROR (sqld adds the offset,
 * which `libsql` does not expose), and errors while running carry SQLite's primary code only.
 */
function sqliteError(error: unknown, preparing: boolean): unknown {
  const code = (error as { code?: unknown }).code;
  if (!(error instanceof Error) || typeof code !== "string" || !code.startsWith("SQLITE_")) return error;
  if (preparing && /syntax error|incomplete input|unrecognized token/.test(error.message)) {
    return new HranaError(`SQL string could not be parsed: ${error.message}`, "SQL_PARSE_ERROR", code);
  }
  if (preparing) return new HranaError(`SQL input error: ${error.message}`, "SQL_INPUT_ERROR", code);
  return new HranaError(`SQLite error: ${error.message}`, code.split("_").slice(0, 2).join("_"), code);
}

function prepare(conn: Connection, sql: string) {
  try {
    return conn.prepare(sql);
  } catch (error) {
    throw sqliteError(error, true);
  }
}

const BUSY_POLL_MS = 10;

/**
 * SQLite's busy timeout, done without blocking: `libsql` is synchronous, and a busy handler
 * sleeping inside it would freeze the very event loop that has to serve the COMMIT releasing
 * the lock. So the connection fails at once with SQLITE_BUSY, and the statement is tried again
 * until `timeoutMs` has passed, while other streams go on. Only a lock held elsewhere is waited
 * for, as a busy handler would: SQLITE_BUSY_SNAPSHOT and "statements in progress" are final.
 */
async function waitingOnLocks<T>(timeoutMs: number, attempt: () => T): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return attempt();
    } catch (error) {
      const busy = error instanceof HranaError && error.sqliteCode?.startsWith("SQLITE_BUSY") && error.message.endsWith("database is locked");
      if (!busy || Date.now() >= deadline) throw error;
      await sleep(BUSY_POLL_MS);
    }
  }
}

export async function executeStmt(conn: Connection, compiled: Compiled, busyTimeoutMs: number): Promise<StmtResult> {
  const statement = await waitingOnLocks(busyTimeoutMs, () => prepare(conn, compiled.sql));
  const args = bind(compiled);
  const cols = statement.columns().map(({ name, type }) => ({ name, decltype: type }));
  // Retries run the same statement: `libsql` cannot reset one that failed, and a write
  // statement left active makes every COMMIT on the connection fail ("SQL statements in
  // progress") until the garbage collector finalizes it. Running it again resets it. One that
  // gives up stays active, so its stream cannot COMMIT any more; clients close the stream after
  // a lone statement or a failed BEGIN, which is where lock waits end in practice.
  const rows = await waitingOnLocks(busyTimeoutMs, () => {
    try {
      if (statement.reader) return statement.raw(true).all(args) as unknown[][];
      statement.run(args);
      return [];
    } catch (error) {
      throw sqliteError(error, false);
    }
  });
  // Like sqld: changes() only for INSERT/UPDATE/DELETE (it is stale after anything else), the
  // last rowid only for INSERT. Read back as BigInt so neither loses precision. (all(), not
  // get(): a statement stopped short of its end stays active, too.)
  let affected = 0n;
  let lastRowid: bigint | undefined;
  if (compiled.isIud) [[affected, lastRowid]] = conn.prepare("SELECT changes(), last_insert_rowid()").raw(true).all() as [bigint, bigint][];
  return {
    cols,
    rows: compiled.wantRows ? rows.map((row) => row.map(toProto)) : [],
    affected_row_count: Number(affected),
    last_insert_rowid: compiled.isInsert && lastRowid !== undefined ? lastRowid.toString() : null,
  };
}

function checkCond(cond: BatchCond, step: number): void {
  if (cond.type === "ok" || cond.type === "error") {
    if (!Number.isInteger(cond.step) || cond.step < 0 || cond.step >= step) throw new ProtocolError("Invalid reference to step in a batch condition");
  } else if (cond.type === "not") checkCond(cond.cond, step);
  else if (cond.type === "and" || cond.type === "or") cond.conds.forEach((inner) => checkCond(inner, step));
  // sqld takes `is_autocommit` from Hrana 3 on; the v2 client never sends it, and it costs nothing here.
  else if (cond.type !== "is_autocommit") throw new ProtocolError("BatchCond type not recognized");
}

/** A batch: every step compiled first (a bad one fails the whole batch), then run in order, each if its condition holds. */
export async function executeBatch(conn: Connection, batch: Batch, sqls: Map<number, string>, busyTimeoutMs: number) {
  const steps = batch.steps.map(({ condition, stmt }, i) => {
    if (condition) checkCond(condition, i);
    return { condition, compiled: compile(stmt, sqls) };
  });
  const results: (StmtResult | null)[] = [];
  const errors: ({ message: string; code: string } | null)[] = [];
  const holds = (cond: BatchCond): boolean => {
    switch (cond.type) {
      case "ok":
        return results[cond.step] !== null;
      case "error":
        return errors[cond.step] !== null;
      case "not":
        return !holds(cond.cond);
      case "and":
        return cond.conds.every(holds);
      case "or":
        return cond.conds.some(holds);
      case "is_autocommit":
        return !conn.inTransaction;
    }
  };
  for (const { condition, compiled } of steps) {
    let result: StmtResult | null = null;
    let error: HranaError | null = null;
    if (!condition || holds(condition)) {
      try {
        result = await executeStmt(conn, compiled, busyTimeoutMs);
      } catch (caught) {
        if (!(caught instanceof HranaError)) throw caught;
        error = caught;
      }
    }
    results.push(result);
    errors.push(error?.toProto() ?? null);
  }
  return { step_results: results, step_errors: errors };
}

/** Several statements without arguments, each run only if the one before succeeded; the first error is the answer. */
export async function executeSequence(conn: Connection, sql: string, busyTimeoutMs: number): Promise<void> {
  for (const statement of splitStatements(sql)) {
    await executeStmt(conn, { sql: statement, positional: [], named: new Map(), wantRows: false, ...statementKind(statement) }, busyTimeoutMs);
  }
}

/** Parameters and columns of a statement, without running it. */
export async function describe(conn: Connection, sql: string, busyTimeoutMs: number) {
  const statement = oneStatement(sql);
  const prepared = await waitingOnLocks(busyTimeoutMs, () => prepare(conn, statement));
  const { isExplain, isReadonly } = statementKind(statement);
  return {
    params: parameterNames(statement).map((name) => ({ name })),
    cols: prepared.columns().map(({ name, type }) => ({ name, decltype: type })),
    is_explain: isExplain,
    is_readonly: isReadonly,
  };
}
