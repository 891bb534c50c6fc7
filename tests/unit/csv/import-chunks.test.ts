import { afterEach, describe, expect, it, vi } from "vitest";
import type { CsvOrder } from "@/lib/csv/rows-to-orders";
import { applyChunks, chunkOrders, serverRowErrors } from "@/app/(app)/orders/import/run-import";

const order = (number: string, note = ""): CsvOrder => ({
  order: { orderNumber: number, orderKey: number, orderDate: 0, status: "awaiting_shipment", customerNotes: note },
  rowNumbers: [2],
  auto: false,
});

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const chunkAnswer = (index: number) => json(200, { chunkIndex: index, applied: true, counts: { created: 1, updated: 0, unchanged: 0, skipped: 0, failed: 0 }, results: [] });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("chunkOrders", () => {
  it("puts at most 500 whole orders in a chunk, in file order", () => {
    const orders = Array.from({ length: 1201 }, (_, index) => order(`A-${index}`));
    const chunks = chunkOrders(orders);
    expect(chunks.map((chunk) => chunk.length)).toEqual([500, 500, 201]);
    expect(chunks.flat()).toEqual(orders);
  });

  it("starts a new chunk before one would pass the request size limit", () => {
    const big = "x".repeat(1_000_000);
    const chunks = chunkOrders([order("A", big), order("B", big), order("C", big), order("D", big)]);
    expect(chunks.map((chunk) => chunk.map((entry) => entry.order.orderNumber))).toEqual([["A", "B", "C"], ["D"]]);
  });
});

describe("applyChunks", () => {
  it("sends a chunk again after a network failure or a 5xx, up to three times", async () => {
    vi.useFakeTimers();
    const fetch = vi.fn().mockRejectedValueOnce(new TypeError("offline")).mockResolvedValueOnce(json(503, { message: "busy" })).mockResolvedValueOnce(chunkAnswer(0));
    vi.stubGlobal("fetch", fetch);
    const retries: number[] = [];
    const done: number[] = [];
    const running = applyChunks("imp-1", [[order("A")]], { from: 0, onChunk: (index) => done.push(index), onRetry: (_, attempt) => retries.push(attempt) });
    await vi.runAllTimersAsync();
    await running;
    expect(retries).toEqual([1, 2]);
    expect(done).toEqual([0]);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(fetch.mock.calls[0][0]).toBe("/api/csv-imports/imp-1/chunks/0");
    expect(fetch.mock.calls[0][1].method).toBe("PUT");
  });

  it("gives up after the third retry, and never retries a refused chunk", async () => {
    vi.useFakeTimers();
    vi.stubGlobal("fetch", vi.fn().mockImplementation(async () => json(500, { message: "down" })));
    const failing = applyChunks("imp-1", [[order("A")]], { from: 0, onChunk: () => {}, onRetry: () => {} });
    const settled = failing.then(() => new Error("it went through"), (error: Error) => error);
    await vi.runAllTimersAsync();
    expect((await settled).message).toBe("down");
    expect(fetch).toHaveBeenCalledTimes(4);

    const refused = vi.fn().mockImplementation(async () => json(400, { message: "Bad chunk" }));
    vi.stubGlobal("fetch", refused);
    await expect(applyChunks("imp-1", [[order("A")]], { from: 0, onChunk: () => {}, onRetry: () => {} })).rejects.toThrow("Bad chunk");
    expect(refused).toHaveBeenCalledTimes(1);
  });

  it("resumes from the chunk it is told", async () => {
    const fetch = vi.fn().mockImplementation(async (url: string) => chunkAnswer(Number(url.split("/").pop())));
    vi.stubGlobal("fetch", fetch);
    await applyChunks("imp-1", [[order("A")], [order("B")], [order("C")]], { from: 1, onChunk: () => {}, onRetry: () => {} });
    expect(fetch.mock.calls.map((call) => call[0])).toEqual(["/api/csv-imports/imp-1/chunks/1", "/api/csv-imports/imp-1/chunks/2"]);
  });
});

describe("serverRowErrors", () => {
  it("puts an order the server refused on each of its rows", () => {
    expect(
      serverRowErrors([
        { orderNumber: "A", rowNumbers: [2, 5], outcome: "failed", reason: "Use a two-letter ISO country code" },
        { orderNumber: "B", rowNumbers: [3], outcome: "created" },
      ]),
    ).toEqual([
      { row: 2, column: null, message: "Use a two-letter ISO country code" },
      { row: 5, column: null, message: "Use a two-letter ISO country code" },
    ]);
  });
});
