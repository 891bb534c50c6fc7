/**
 * SP-API usage plans are token buckets per selling partner and application: each operation has a
 * rate (requests per second) and a burst. Orders v0's defaults, from the Orders v0 model:
 */
export const GET_ORDERS_PLAN = { rate: 0.0167, burst: 20 } as const;
export const GET_ORDER_ITEMS_PLAN = { rate: 0.5, burst: 30 } as const;
/** Tokens API 2021-03-01, createRestrictedDataToken. */
export const CREATE_RDT_PLAN = { rate: 1, burst: 10 } as const;

/**
 * Waited on top of each token's time and never credited: Amazon counts a call when it arrives,
 * and arrival times jitter, so the client stays a little behind Amazon's bucket, never ahead.
 */
export const PACING_MARGIN_MS = 50;

export interface UsagePlan {
  rate: number;
  burst: number;
}

/**
 * A client-side copy of Amazon's bucket, so a pull waits for a token instead of spending a
 * request on a 429. Waits go through the injected sleep, and the time waited is credited even
 * when the clock did not move (tests' sleeps return at once), so real and fake time both work.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly plan: UsagePlan,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = plan.burst;
    this.refilledAt = now();
  }

  /** Takes one token, first waiting (through `sleep`) until one is there. */
  async take(sleep: (ms: number) => Promise<void>, signal?: AbortSignal): Promise<void> {
    const now = this.now();
    if (now > this.refilledAt) {
      this.tokens = Math.min(this.plan.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.plan.rate);
      this.refilledAt = now;
    }
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return;
    }
    const earnMs = Math.ceil(((1 - this.tokens) / this.plan.rate) * 1000);
    await sleep(earnMs + PACING_MARGIN_MS);
    signal?.throwIfAborted();
    // The wait earned the token spent now; time before refilledAt never counts twice.
    this.tokens = 0;
    this.refilledAt = Math.max(this.now(), this.refilledAt + earnMs + PACING_MARGIN_MS);
  }
}

/**
 * How long to wait after a 429, from `x-amzn-RateLimit-Limit` (the operation's rate in requests
 * per second): one token's worth of time. SP-API sends no Retry-After.
 */
export function rateLimitWaitMs(response: Response): number | null {
  const rate = Number(response.headers.get("x-amzn-ratelimit-limit"));
  if (!Number.isFinite(rate) || rate <= 0) return null;
  return Math.ceil(1000 / rate);
}

/** One bucket per operation for each selling partner authorization, kept between pulls. */
const buckets = new Map<string, TokenBucket>();

export function bucketFor(key: string, plan: UsagePlan): TokenBucket {
  const id = `${key}\u0000${plan.rate}/${plan.burst}`;
  let bucket = buckets.get(id);
  if (!bucket) {
    bucket = new TokenBucket(plan);
    buckets.set(id, bucket);
  }
  return bucket;
}
