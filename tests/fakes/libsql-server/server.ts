import Database from "libsql";
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson, startFakeServer } from "../http-server";
import {
  compile,
  describe,
  executeBatch,
  executeSequence,
  executeStmt,
  HranaError,
  ProtocolError,
  resolveSql,
  type Batch,
  type Connection,
  type Stmt,
} from "./execute";

/**
 * A libSQL server (sqld / Turso) as @libsql/client sees it over `http:` URLs: Hrana 2 over HTTP,
 * JSON, POST /v2/pipeline. It answers 404 on /v3 and /v3-protobuf, so clients stay on v2.
 *
 * Each stream is one SQLite connection to a real file, kept open between HTTP requests and
 * handed from request to request by a baton the server issues fresh every time; that is what
 * makes `client.transaction()` work (the client opens one stream per transaction). Behaviour
 * follows libsql-server/src/hrana/http: a reused or unknown baton is a 400, a stream idle for
 * 10 s is rolled back and closed, a SQL error is the result of its request and the rest of the
 * pipeline still runs.
 */

export interface FakeLibsqlServerOptions {
  /** The SQLite file to serve; created if missing, put in WAL mode. */
  path: string;
  /** When set, pipeline requests need `Authorization: Bearer <authToken>`, else 401. */
  authToken?: string;
  /** How long an unused stream lives (sqld: 10 s). Lower it to test expiry. */
  streamIdleMs?: number;
  /** How long a statement waits for another stream's lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

export interface FakeLibsqlServer {
  url: string;
  /** Every request, its body parsed when JSON, for assertions. */
  requests: { path: string; body: unknown }[];
  /** Streams open now, each a SQLite connection: a client that forgets to close leaves one. */
  openStreams(): number;
  close(): Promise<void>;
}

interface Stream {
  id: string;
  /** The token of the one baton that may use the stream next. */
  token: string;
  /** Undefined once the stream is closed or expired. */
  conn?: Connection;
  /** SQL texts stored by `store_sql`, by `sql_id`. */
  sqls: Map<number, string>;
  state: "available" | "acquired" | "expired";
  expiry?: NodeJS.Timeout;
}

type StreamRequest =
  | { type: "close" | "get_autocommit" }
  | { type: "execute"; stmt: Stmt }
  | { type: "batch"; batch: Batch }
  | { type: "sequence" | "describe"; sql?: string | null; sql_id?: number | null }
  | { type: "store_sql"; sql_id: number; sql: string }
  | { type: "close_sql"; sql_id: number };

// sqld's limits on stored SQL (hrana/http/request.rs); the client keeps under them.
const MAX_STORED_SQLS = 50;
const MAX_STORED_SQL_BYTES = 5_000;
// axum sends exactly this; the client reads `{ message, code }` from an error only then.
const JSON_TYPE = { "content-type": "application/json" };

export async function startFakeLibsqlServer(options: FakeLibsqlServerOptions): Promise<FakeLibsqlServer> {
  const { path, authToken, streamIdleMs = 10_000, busyTimeoutMs = 5_000 } = options;
  // WAL is a property of the file: set once, every connection gets it. It lets readers run
  // beside the one writer, as on sqld.
  const setup = new Database(path);
  setup.exec("PRAGMA journal_mode=WAL");
  setup.close();

  const streams = new Map<string, Stream>();
  const requests: FakeLibsqlServer["requests"] = [];

  function acquire(baton: string | null | undefined): Stream {
    if (baton == null) {
      const conn = new Database(path);
      conn.defaultSafeIntegers(true); // integers as BigInt, exact to 64 bits
      // (libsql's build enforces foreign keys from the start, as sqld's does.)
      const stream: Stream = { id: randomBytes(8).toString("hex"), token: "", conn, sqls: new Map(), state: "acquired" };
      streams.set(stream.id, stream);
      return stream;
    }
    const [id, token] = baton.split(".");
    const stream = streams.get(id);
    if (!stream) throw new ProtocolError("Received an invalid baton");
    if (stream.state === "expired") throw new HranaError("The stream has expired due to inactivity", "STREAM_EXPIRED");
    if (stream.state === "acquired" || stream.token !== token) throw new ProtocolError("Received a baton that has already been used");
    clearTimeout(stream.expiry);
    stream.state = "acquired";
    return stream;
  }

  /** Makes the stream usable by the next request, with a new baton; null if it was closed. */
  function release(stream: Stream): string | null {
    if (!stream.conn) {
      streams.delete(stream.id);
      return null;
    }
    stream.token = randomBytes(16).toString("base64url");
    stream.state = "available";
    stream.expiry = setTimeout(() => {
      closeConnection(stream);
      stream.state = "expired"; // kept, so its baton gets "expired" rather than "invalid"
    }, streamIdleMs).unref();
    return `${stream.id}.${stream.token}`;
  }

  function closeConnection(stream: Stream) {
    clearTimeout(stream.expiry);
    // close() alone leaves the transaction (and the write lock) to the garbage collector while
    // prepared statements still point at the connection; roll back first.
    if (stream.conn?.inTransaction) stream.conn.exec("ROLLBACK");
    stream.conn?.close();
    stream.conn = undefined;
  }

  function connectionOf(stream: Stream): Connection {
    if (!stream.conn) throw new ProtocolError("Stream for this baton was closed");
    return stream.conn;
  }

  async function respond(stream: Stream, request: StreamRequest): Promise<object> {
    switch (request.type) {
      case "close":
        closeConnection(stream);
        return { type: "close" };
      case "execute": {
        const conn = connectionOf(stream);
        return { type: "execute", result: await executeStmt(conn, compile(request.stmt, stream.sqls), busyTimeoutMs) };
      }
      case "batch":
        return { type: "batch", result: await executeBatch(connectionOf(stream), request.batch, stream.sqls, busyTimeoutMs) };
      case "sequence": {
        const conn = connectionOf(stream);
        await executeSequence(conn, resolveSql(request.sql, request.sql_id, stream.sqls), busyTimeoutMs);
        return { type: "sequence" };
      }
      case "describe": {
        const conn = connectionOf(stream);
        return { type: "describe", result: await describe(conn, resolveSql(request.sql, request.sql_id, stream.sqls), busyTimeoutMs) };
      }
      case "store_sql":
        if (stream.sqls.has(request.sql_id)) throw new ProtocolError(`SQL text ${request.sql_id} already exists`);
        if (stream.sqls.size >= MAX_STORED_SQLS) {
          throw new HranaError(`The server already stores ${stream.sqls.size} SQL texts, it cannot store more`, "SQL_STORE_TOO_MANY");
        }
        if (Buffer.byteLength(request.sql) > MAX_STORED_SQL_BYTES) {
          throw new HranaError(`The statement is too large to be stored: ${Buffer.byteLength(request.sql)} B/5.0 KB`, "SQL_STORE_TOO_LARGE");
        }
        stream.sqls.set(request.sql_id, request.sql);
        return { type: "store_sql" };
      case "close_sql":
        stream.sqls.delete(request.sql_id);
        return { type: "close_sql" };
      case "get_autocommit": // Hrana 3 on sqld; harmless to answer here
        return { type: "get_autocommit", is_autocommit: !connectionOf(stream).inTransaction };
      default:
        throw new ProtocolError("StreamRequest type not recognized");
    }
  }

  async function pipeline(body: { baton?: string | null; requests: StreamRequest[] }, response: ServerResponse) {
    const stream = acquire(body.baton);
    try {
      const results: object[] = [];
      for (const request of body.requests) {
        try {
          results.push({ type: "ok", response: await respond(stream, request) });
        } catch (error) {
          if (!(error instanceof HranaError)) throw error;
          results.push({ type: "error", error: error.toProto() });
        }
      }
      sendJson(response, 200, { baton: release(stream), base_url: null, results }, JSON_TYPE);
    } catch (error) {
      // Like sqld dropping the stream guard: a request that failed as a whole ends its stream.
      closeConnection(stream);
      streams.delete(stream.id);
      throw error;
    }
  }

  function authFailure(request: IncomingMessage): string | undefined {
    if (authToken === undefined) return undefined;
    const header = request.headers.authorization;
    if (!header) return "The `Authorization` HTTP header is required but was not specified";
    const [scheme, token] = header.split(" ");
    if (scheme.toLowerCase() !== "bearer") return "The authentication scheme in the `Authorization` HTTP header is not supported";
    return token === authToken ? undefined : "The JWT is invalid";
  }

  const server = await startFakeServer(async (request, response, { url, body }) => {
    let parsed: unknown;
    try {
      parsed = body === "" ? undefined : JSON.parse(body);
    } catch (error) {
      parsed = body;
      if (url.pathname === "/v2/pipeline") return sendText(response, 400, `Cannot deserialize client message from JSON: ${error}`);
    }
    requests.push({ path: url.pathname, body: parsed });

    if (url.pathname === "/v2" || url.pathname === "/health") {
      return sendText(response, 200, url.pathname === "/v2" ? "Hello, this is HTTP API v2 (Hrana over HTTP)" : "");
    }
    if (url.pathname !== "/v2/pipeline") return sendText(response, 404, "");
    if (request.method !== "POST") return sendText(response, 405, "");
    const failure = authFailure(request);
    if (failure) return sendJson(response, 401, { error: `Authorization failed: ${failure}` }, JSON_TYPE);
    const pipelineBody = parsed as { baton?: string | null; requests?: unknown };
    if (!pipelineBody || !Array.isArray(pipelineBody.requests)) {
      return sendText(response, 400, "Cannot deserialize client message from JSON: missing field `requests`");
    }
    try {
      await pipeline(pipelineBody as { baton?: string | null; requests: StreamRequest[] }, response);
    } catch (error) {
      if (error instanceof ProtocolError) return sendText(response, 400, error.message);
      if (error instanceof HranaError) return sendJson(response, 400, error.toProto(), JSON_TYPE);
      throw error;
    }
  });

  return {
    url: server.url,
    requests,
    openStreams: () => [...streams.values()].filter((stream) => stream.conn).length,
    async close() {
      for (const stream of streams.values()) closeConnection(stream);
      streams.clear();
      await server.close();
    },
  };
}

function sendText(response: ServerResponse, status: number, text: string) {
  response.writeHead(status, { "content-type": "text/plain" });
  response.end(text);
}
