import { afterEach, describe, expect, it, vi } from "vitest";
import { CHUNKS_IN_FLIGHT } from "@/lib/csv/plan-chunks";
import type { CsvOrder } from "@/lib/csv/rows-to-orders";
import { applyChunks, previewChunks, serverRowErrors } from "@/app/(app)/orders/import/run-import";

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

describe("applyChunks", () => {
  it("sends a chunk again after a network failure or a 5xx, up to three times", async () => {
    vi.useFakeTimers();
    const fetch = vi.fn().mockRejectedValueOnce(new TypeError("offline")).mockResolvedValueOnce(json(503, { message: "busy" })).mockResolvedValueOnce(chunkAnswer(0));
    vi.stubGlobal("fetch", fetch);
    const retries: number[] = [];
    const done: number[] = [];
    const running = applyChunks("imp-1", [[order("A")]], { done: new Set(), onChunk: (index) => done.push(index), onRetry: (_, attempt) => retries.push(attempt) });
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
    const failing = applyChunks("imp-1", [[order("A")]], { done: new Set(), onChunk: () => {}, onRetry: () => {} });
    const settled = failing.then(() => new Error("it went through"), (error: Error) => error);
    await vi.runAllTimersAsync();
    expect((await settled).message).toBe("down");
    expect(fetch).toHaveBeenCalledTimes(4);

    const refused = vi.fn().mockImplementation(async () => json(400, { message: "Bad chunk" }));
    vi.stubGlobal("fetch", refused);
    await expect(applyChunks("imp-1", [[order("A")]], { done: new Set(), onChunk: () => {}, onRetry: () => {} })).rejects.toThrow("Bad chunk");
    expect(refused).toHaveBeenCalledTimes(1);
  });

  it("sends only the chunks not done yet, CHUNKS_IN_FLIGHT at a time", async () => {
    let inFlight = 0;
    let most = 0;
    const fetch = vi.fn().mockImplementation(async (url: string) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return chunkAnswer(Number(url.split("/").pop()));
    });
    vi.stubGlobal("fetch", fetch);
    const done: number[] = [];
    const chunks = Array.from({ length: CHUNKS_IN_FLIGHT + 3 }, (_, index) => [order(`N-${index}`)]);
    await applyChunks("imp-1", chunks, { done: new Set([1]), onChunk: (index) => done.push(index), onRetry: () => {} });
    const sent = chunks.map((_, index) => index).filter((index) => index !== 1);
    expect(fetch.mock.calls.map((call) => call[0]).sort()).toEqual(sent.map((index) => `/api/csv-imports/imp-1/chunks/${index}`).sort());
    expect(done.sort((a, b) => a - b)).toEqual(sent);
    expect(most).toBe(CHUNKS_IN_FLIGHT);
  });

  it("sends nothing more once a chunk is refused", async () => {
    const fetch = vi.fn().mockImplementation(async (url: string) => (url.endsWith("/0") ? json(400, { message: "Bad chunk" }) : chunkAnswer(Number(url.split("/").pop()))));
    vi.stubGlobal("fetch", fetch);
    const chunks = Array.from({ length: CHUNKS_IN_FLIGHT + 4 }, (_, index) => [order(`N-${index}`)]);
    await expect(applyChunks("imp-1", chunks, { done: new Set(), onChunk: () => {}, onRetry: () => {} })).rejects.toThrow("Bad chunk");
    // The chunks already on their way when 0 was refused may finish; no new one starts.
    expect(fetch.mock.calls.length).toBeLessThanOrEqual(CHUNKS_IN_FLIGHT);
  });
});

describe("previewChunks", () => {
  it("dry-runs the chunks a few at a time and adds them up in file order, whichever answers first", async () => {
    const fetch = vi.fn().mockImplementation(async (_url: string, init: { body: string }) => {
      const { storeId, orders } = JSON.parse(init.body) as { storeId: number; orders: { order: { orderNumber: string } }[] };
      const number = orders[0].order.orderNumber;
      // The first chunk answers last.
      await new Promise((resolve) => setTimeout(resolve, number === "A" ? 20 : 1));
      return json(200, { created: 1, updated: 0, unchanged: 0, skipped: 0, failed: 0, results: [{ orderNumber: `${number}@${storeId}`, rowNumbers: [2], outcome: "created" }] });
    });
    vi.stubGlobal("fetch", fetch);
    const progress: number[] = [];
    const tally = await previewChunks(7, [[order("A")], [order("B")], [order("C")]], (done) => progress.push(done));
    expect(tally.counts).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: 0, failed: 0 });
    expect(tally.results.map((result) => result.orderNumber)).toEqual(["A@7", "B@7", "C@7"]);
    expect(progress).toEqual([1, 2, 3]);
    expect(fetch.mock.calls[0][0]).toBe("/api/csv-imports/preview");
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
