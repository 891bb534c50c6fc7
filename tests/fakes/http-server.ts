import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";

/**
 * How the next answer goes wrong on the wire, whatever the platform meant to say:
 * - `timeout`: the request is accepted and never answered (the client must give up by itself);
 * - `slow-body`: status and headers at once, then the body in `chunks` pieces `delayMs` apart,
 *   the connection cut after `cutAfter` pieces when given;
 * - `truncated`: the right status, then only the first `keep` share of the body, and a clean end.
 */
export type TransportFault =
  | { kind: "timeout" }
  | { kind: "slow-body"; chunks: number; delayMs: number; cutAfter?: number }
  | { kind: "truncated"; keep?: number };

export interface FakeServer {
  url: string;
  /** Every request the server saw, for asserting what a connector asked. */
  requests: { method: string; url: URL; headers: IncomingMessage["headers"]; body: string }[];
  /** The next request's answer goes wrong this way (queued: one fault per request). */
  misbehaveNext(fault: TransportFault): void;
  /** Runs as each request arrives, before it is answered: a test changes the platform mid-pull, or queues a fault for this very request. */
  onRequest(hook: ((url: URL) => void) | null): void;
  close(): Promise<void>;
}

/**
 * A local HTTP server for a fake platform, on a free port. The handler gets the parsed URL and
 * the raw body; it writes the response itself, like the platform would.
 */
export async function startFakeServer(
  handler: (request: IncomingMessage, response: ServerResponse, context: { url: URL; body: string }) => void | Promise<void>,
): Promise<FakeServer> {
  const requests: FakeServer["requests"] = [];
  const faults: TransportFault[] = [];
  let requestHook: ((url: URL) => void) | null = null;
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(request.url ?? "/", `http://${request.headers.host}`);
    requests.push({ method: request.method ?? "GET", url, headers: request.headers, body });
    requestHook?.(url);
    const fault = faults.shift();
    // Held open until the client gives up (or the server closes); the platform never saw the request.
    if (fault?.kind === "timeout") return;
    if (fault) misbehave(response, fault);
    try {
      await handler(request, response, { url, body });
    } catch (error) {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: String(error) }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    misbehaveNext: (fault) => void faults.push(fault),
    onRequest: (hook) => void (requestHook = hook),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Requests held by a `timeout` fault would keep the server open for good.
        server.closeAllConnections();
      }),
  };
}

/**
 * Lets the handler answer as usual, then puts its answer on the wire the faulty way: `writeHead`
 * and `end` are caught for this one response, and the body goes out without a Content-Length.
 */
function misbehave(response: ServerResponse, fault: Exclude<TransportFault, { kind: "timeout" }>) {
  const writeHead = response.writeHead.bind(response);
  const end = response.end.bind(response);
  let head: { status: number; headers: Record<string, string> } = { status: 200, headers: {} };
  response.writeHead = ((status: number, headers: Record<string, string> = {}) => {
    head = { status, headers };
    return response;
  }) as ServerResponse["writeHead"];
  response.end = ((body?: string | Buffer) => {
    const bytes = Buffer.from(body ?? "");
    const headers = Object.fromEntries(Object.entries(head.headers).filter(([name]) => name.toLowerCase() !== "content-length"));
    writeHead(head.status, headers);
    if (fault.kind === "truncated") return end(bytes.subarray(0, Math.floor(bytes.length * (fault.keep ?? 0.5))));
    void trickle(response, bytes, fault, end);
    return response;
  }) as ServerResponse["end"];
}

async function trickle(response: ServerResponse, bytes: Buffer, fault: Extract<TransportFault, { kind: "slow-body" }>, end: () => void) {
  const size = Math.ceil(bytes.length / fault.chunks);
  for (let piece = 0; piece < fault.chunks; piece++) {
    if (response.destroyed) return;
    if (piece === fault.cutAfter) return void response.destroy();
    response.write(bytes.subarray(piece * size, (piece + 1) * size));
    await delay(fault.delayMs);
  }
  if (!response.destroyed) end();
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  response.end(JSON.stringify(body));
}
