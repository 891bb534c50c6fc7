import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createClient, LibsqlError, type Client } from "@libsql/client";
import { startFakeLibsqlServer, type FakeLibsqlServer } from "../../fakes/libsql-server/server";

const TOKEN = "fake-turso-token";
let dir: string;
let server: FakeLibsqlServer;
let client: Client;
const clients: Client[] = [];

function connect(options: { authToken?: string; intMode?: "number" | "bigint" } = {}): Client {
  const opened = createClient({ url: server.url, authToken: TOKEN, ...options });
  clients.push(opened);
  return opened;
}

/** One POST /v2/pipeline as the client would send it; returns status and parsed body. */
async function pipeline(body: { baton: string | null; requests: unknown[] }, url = server.url) {
  const response = await fetch(`${url}/v2/pipeline`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type"), body: response.ok ? JSON.parse(text) : text };
}

const count = async (table: string, reader = client) => Number((await reader.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "shipdeck-fake-libsql-"));
  server = await startFakeLibsqlServer({ path: join(dir, "remote.db"), authToken: TOKEN });
  client = connect();
  await client.executeMultiple(`
    CREATE TABLE vals (id INTEGER PRIMARY KEY, i INTEGER, f REAL, t TEXT, b BLOB, n TEXT);
    CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);
    CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL);
    INSERT INTO counter (id, n) VALUES (1, 0);
  `);
});

afterAll(async () => {
  for (const opened of clients) opened.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the fake libSQL server (Hrana 2 over HTTP)", () => {
  it("round-trips every value type through positional and named arguments", async () => {
    const blob = new Uint8Array([0, 1, 2, 250, 255]);
    const big = 2 ** 40 + 7;
    const inserted = await client.execute({ sql: "INSERT INTO vals (i, f, t, b, n) VALUES (?, ?, ?, ?, ?)", args: [big, 1.5, "héllo ✓", blob, null] });
    expect(inserted.rowsAffected).toBe(1);
    expect(inserted.lastInsertRowid).toBe(1n);

    const { rows, columns, columnTypes } = await client.execute({
      sql: "SELECT i, f, t, b, n, typeof(f) AS tf FROM vals WHERE id = :id AND t = $t",
      args: { id: 1, $t: "héllo ✓" },
    });
    expect(columns).toEqual(["i", "f", "t", "b", "n", "tf"]);
    expect(columnTypes).toEqual(["INTEGER", "REAL", "TEXT", "BLOB", "TEXT", ""]);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect([row.i, row.f, row.t, row.n, row.tf]).toEqual([big, 1.5, "héllo ✓", null, "real"]);
    expect(new Uint8Array(row.b as ArrayBuffer)).toEqual(blob);
    // A float that happens to be whole stays a float; an integer stays an integer.
    const { rows: kinds } = await client.execute({ sql: "SELECT typeof(?) AS a, typeof(?) AS b", args: [2, 2n] });
    expect(kinds[0]).toMatchObject({ a: "real", b: "integer" });

    const exact = connect({ intMode: "bigint" });
    const max = 9223372036854775807n;
    const { rows: bigRows } = await exact.execute({ sql: "SELECT ? AS v, ? - 1 AS w", args: [max, -max] });
    expect(bigRows[0]).toMatchObject({ v: max, w: -max - 1n });
  });

  it("refuses arguments that do not match the parameters, as sqld does", async () => {
    await expect(client.execute({ sql: "SELECT ?", args: [1, 2] })).rejects.toMatchObject({ code: "ARGS_INVALID" });
    await expect(client.execute({ sql: "SELECT :a", args: { b: 1 } })).rejects.toMatchObject({ code: "ARGS_INVALID" });
    await expect(client.execute("SELECT 1; SELECT 2")).rejects.toMatchObject({ code: "SQL_MANY_STATEMENTS" });
  });

  it("runs a write batch atomically and a read batch", async () => {
    await client.execute({ sql: "INSERT INTO users (email) VALUES (?)", args: ["taken@example.com"] });
    const before = await count("users");
    await expect(
      client.batch(
        [
          { sql: "INSERT INTO users (email) VALUES (?)", args: ["new@example.com"] },
          { sql: "INSERT INTO users (email) VALUES (?)", args: ["taken@example.com"] },
        ],
        "write",
      ),
    ).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT" });
    expect(await count("users")).toBe(before);

    const results = await client.batch(["SELECT count(*) AS n FROM users", { sql: "SELECT email FROM users WHERE email = ?", args: ["taken@example.com"] }], "read");
    expect(Number(results[0].rows[0].n)).toBe(before);
    expect(results[1].rows[0].email).toBe("taken@example.com");
    // The client stores the SQL texts of a batch on the stream and refers to them by id.
    expect(server.requests.some(({ body }) => JSON.stringify(body).includes('"type":"store_sql"'))).toBe(true);
  });

  it("reports a constraint violation as a LibsqlError with SQLite's code", async () => {
    const error = await client.execute({ sql: "INSERT INTO users (email) VALUES (?)", args: ["taken@example.com"] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LibsqlError);
    expect(error).toMatchObject({ code: "SQLITE_CONSTRAINT" });
    expect((error as Error).message).toMatch(/UNIQUE constraint failed: users\.email/);
  });

  it("keeps an interactive transaction's writes to itself until commit, and drops them on rollback", async () => {
    const other = connect();
    const tx = await client.transaction("write");
    await tx.execute({ sql: "INSERT INTO users (email) VALUES (?)", args: ["inside@example.com"] });
    expect((await tx.execute("SELECT count(*) AS n FROM users WHERE email = 'inside@example.com'")).rows[0].n).toBe(1);
    expect(await count("users WHERE email = 'inside@example.com'", other)).toBe(0);
    await tx.commit();
    expect(await count("users WHERE email = 'inside@example.com'", other)).toBe(1);

    const discarded = await client.transaction("write");
    await discarded.execute({ sql: "INSERT INTO users (email) VALUES (?)", args: ["discarded@example.com"] });
    await discarded.rollback();
    expect(await count("users WHERE email = 'discarded@example.com'")).toBe(0);
    expect(server.openStreams()).toBe(0);
  });

  it("makes a second write transaction wait for the first instead of failing or losing an update", async () => {
    const [first, second] = [connect(), connect()];
    const increment = async (tx: Awaited<ReturnType<Client["transaction"]>>) => {
      const n = Number((await tx.execute("SELECT n FROM counter WHERE id = 1")).rows[0].n);
      await tx.execute({ sql: "UPDATE counter SET n = ? WHERE id = 1", args: [n + 1] });
    };
    const tx1 = await first.transaction("write");
    await increment(tx1); // BEGIN IMMEDIATE went with the first statement: tx1 holds the write lock

    let secondDone = false;
    const tx2Work = (async () => {
      const tx2 = await second.transaction("write");
      await increment(tx2);
      await tx2.commit();
      secondDone = true;
    })();
    await sleep(300);
    expect(secondDone).toBe(false);
    await tx1.commit();
    await tx2Work;
    expect(Number((await client.execute("SELECT n FROM counter WHERE id = 1")).rows[0].n)).toBe(2);
  });

  it("gives up with SQLITE_BUSY once the busy timeout has passed", async () => {
    const impatient = await startFakeLibsqlServer({ path: join(dir, "remote.db"), authToken: TOKEN, busyTimeoutMs: 200 });
    try {
      const holder = await client.transaction("write");
      await holder.execute("UPDATE counter SET n = n WHERE id = 1");
      const waiter = createClient({ url: impatient.url, authToken: TOKEN });
      clients.push(waiter);
      const started = Date.now();
      await expect(waiter.execute("UPDATE counter SET n = n + 100 WHERE id = 1")).rejects.toMatchObject({ code: "SQLITE_BUSY" });
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
      await holder.rollback();
      await waiter.execute("UPDATE counter SET n = n WHERE id = 1");
    } finally {
      await impatient.close();
    }
  });

  it("answers 401 to a missing or wrong token", async () => {
    for (const authToken of [undefined, "wrong-token"]) {
      const stranger = createClient({ url: server.url, authToken });
      clients.push(stranger);
      const error = await stranger.execute("SELECT 1").catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LibsqlError);
      expect((error as Error).message).toMatch(/401/);
    }
  });

  it("hands a stream from request to request by baton and refuses a stale one", async () => {
    const select = (sql: string) => ({ type: "execute", stmt: { sql, args: [], named_args: [], want_rows: true } });
    const first = await pipeline({ baton: null, requests: [select("SELECT 1"), select("SELEC 2"), select("SELECT 3 AS x")] });
    expect(first.status).toBe(200);
    // An error is the result of its own request; the rest of the pipeline still runs.
    expect(first.body.results.map((result: { type: string }) => result.type)).toEqual(["ok", "error", "ok"]);
    expect(first.body.results[1].error.code).toBe("SQL_PARSE_ERROR");
    expect(first.body.results[2].response.result).toMatchObject({ cols: [{ name: "x", decltype: null }], rows: [[{ type: "integer", value: "3" }]] });

    const second = await pipeline({ baton: first.body.baton, requests: [select("SELECT 1")] });
    expect(second.status).toBe(200);
    expect(second.body.baton).not.toBe(first.body.baton);

    const stale = await pipeline({ baton: first.body.baton, requests: [select("SELECT 1")] });
    expect(stale).toMatchObject({ status: 400, body: "Received a baton that has already been used" });
    const unknown = await pipeline({ baton: "not-a-baton", requests: [select("SELECT 1")] });
    expect(unknown).toMatchObject({ status: 400, body: "Received an invalid baton" });

    const closed = await pipeline({ baton: second.body.baton, requests: [{ type: "close" }] });
    expect(closed.body).toMatchObject({ baton: null, results: [{ type: "ok", response: { type: "close" } }] });
    expect(server.openStreams()).toBe(0);
  });

  it("evaluates batch conditions and describes a statement", async () => {
    const stmt = (sql: string) => ({ sql, args: [], named_args: [], want_rows: true });
    const { body } = await pipeline({
      baton: null,
      requests: [
        { type: "store_sql", sql_id: 1, sql: "SELECT :a AS a, ? AS b" },
        {
          type: "batch",
          batch: {
            steps: [
              { stmt: stmt("SELECT nope FROM nowhere") },
              { stmt: stmt("SELECT 'ran'"), condition: { type: "error", step: 0 } },
              { stmt: stmt("SELECT 'skipped'"), condition: { type: "ok", step: 0 } },
              { stmt: stmt("SELECT 'both'"), condition: { type: "and", conds: [{ type: "ok", step: 1 }, { type: "not", cond: { type: "ok", step: 2 } }] } },
              { stmt: stmt("SELECT 'either'"), condition: { type: "or", conds: [{ type: "ok", step: 2 }, { type: "is_autocommit" }] } },
            ],
          },
        },
        { type: "describe", sql_id: 1 },
        { type: "close" },
      ],
    });
    const { step_results, step_errors } = body.results[1].response.result;
    expect(step_errors[0]).toMatchObject({ code: "SQL_INPUT_ERROR" });
    expect(step_results.map((result: unknown) => result !== null)).toEqual([false, true, false, true, true]);
    expect(body.results[2].response.result).toEqual({
      params: [{ name: ":a" }, { name: null }],
      cols: [{ name: "a", decltype: null }, { name: "b", decltype: null }],
      is_explain: false,
      is_readonly: true,
    });
  });

  it("rolls back and closes a stream left idle, and says so to its baton", async () => {
    const quick = await startFakeLibsqlServer({ path: join(dir, "remote.db"), authToken: TOKEN, streamIdleMs: 100 });
    try {
      const begin = await pipeline(
        {
          baton: null,
          requests: [
            { type: "execute", stmt: { sql: "BEGIN IMMEDIATE" } },
            { type: "execute", stmt: { sql: "INSERT INTO users (email) VALUES ('abandoned@example.com')" } },
          ],
        },
        quick.url,
      );
      await sleep(300);
      const late = await pipeline({ baton: begin.body.baton, requests: [{ type: "execute", stmt: { sql: "COMMIT" } }] }, quick.url);
      expect(late).toMatchObject({ status: 400, type: "application/json" });
      expect(JSON.parse(late.body)).toEqual({ message: "The stream has expired due to inactivity", code: "STREAM_EXPIRED" });
      expect(await count("users WHERE email = 'abandoned@example.com'")).toBe(0);
      expect(quick.openStreams()).toBe(0);
    } finally {
      await quick.close();
    }
  });
});
