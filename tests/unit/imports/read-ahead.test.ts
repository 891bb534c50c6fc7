import { describe, expect, it } from "vitest";
import { readAhead } from "@/lib/imports/read-ahead";

describe("readAhead", () => {
  it("yields every page in order, having asked for the next one before the current is consumed", async () => {
    const log: string[] = [];
    async function* pages() {
      for (const page of [1, 2, 3]) {
        log.push(`fetch ${page}`);
        yield page;
      }
    }
    const seen: number[] = [];
    for await (const page of readAhead(pages())) {
      log.push(`commit ${page}`);
      seen.push(page);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(log.indexOf("fetch 2")).toBeLessThan(log.indexOf("commit 1"));
  });

  it("surfaces a failure of a page fetched ahead when that page is reached, after the pages before it", async () => {
    async function* pages() {
      yield 1;
      throw new Error("page 2 failed");
    }
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const page of readAhead(pages())) seen.push(page);
      })(),
    ).rejects.toThrow("page 2 failed");
    expect(seen).toEqual([1]);
  });

  it("stops the source when the consumer stops early", async () => {
    let finished = false;
    async function* pages() {
      try {
        yield 1;
        yield 2;
        yield 3;
      } finally {
        finished = true;
      }
    }
    for await (const page of readAhead(pages())) if (page === 1) break;
    expect(finished).toBe(true);
  });
});
