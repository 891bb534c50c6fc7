import { describe, expect, it } from "vitest";
import { PACING_MARGIN_MS, rateLimitWaitMs, TokenBucket } from "@/lib/connectors/amazon/rate-limit";

const TWO_SECONDS = 2000 + PACING_MARGIN_MS;

describe("TokenBucket", () => {
  it("spends the burst at once, then waits one token's worth of time (and a margin) per call", async () => {
    const clock = { now: 1_000_000 };
    const waits: number[] = [];
    const bucket = new TokenBucket({ rate: 0.5, burst: 3 }, () => clock.now);
    for (let i = 0; i < 5; i++) await bucket.take(async (ms) => void waits.push(ms));
    expect(waits).toEqual([TWO_SECONDS, TWO_SECONDS]);
  });

  it("credits waits even when the clock does not move, and refills from real elapsed time", async () => {
    const clock = { now: 0 };
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const bucket = new TokenBucket({ rate: 0.5, burst: 1 }, () => clock.now);
    await bucket.take(sleep); // the burst
    await bucket.take(sleep); // waits 2 s, the clock stands still
    clock.now = TWO_SECONDS; // real time catches up with the credited wait: no token yet
    await bucket.take(sleep);
    clock.now = 20_000; // long enough to refill the (one-token) burst
    await bucket.take(sleep);
    expect(waits).toEqual([TWO_SECONDS, TWO_SECONDS]);
  });

  it("paces getOrders at about one call a minute once its burst is spent", async () => {
    const waits: number[] = [];
    const bucket = new TokenBucket({ rate: 0.0167, burst: 1 }, () => 0);
    await bucket.take(async (ms) => void waits.push(ms));
    await bucket.take(async (ms) => void waits.push(ms));
    expect(waits).toEqual([59_881 + PACING_MARGIN_MS]);
  });

  it("stops when the signal is aborted during a wait", async () => {
    const controller = new AbortController();
    const bucket = new TokenBucket({ rate: 0.5, burst: 0 }, () => 0);
    await expect(bucket.take(async () => controller.abort(), controller.signal)).rejects.toThrow();
  });
});

describe("rateLimitWaitMs", () => {
  it("waits one token's time from x-amzn-RateLimit-Limit, and knows nothing without it", () => {
    expect(rateLimitWaitMs(new Response(null, { status: 429, headers: { "x-amzn-RateLimit-Limit": "0.5" } }))).toBe(2000);
    expect(rateLimitWaitMs(new Response(null, { status: 429, headers: { "x-amzn-RateLimit-Limit": "0.0167" } }))).toBe(59_881);
    expect(rateLimitWaitMs(new Response(null, { status: 429 }))).toBeNull();
    expect(rateLimitWaitMs(new Response(null, { status: 429, headers: { "x-amzn-RateLimit-Limit": "fast" } }))).toBeNull();
  });
});
