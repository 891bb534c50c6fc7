/**
 * A fingerprint of the cells an order was read from, so re-importing a file can tell which of
 * its orders are exactly as they were last imported without reading them again.
 *
 * It runs in the browser, synchronously, over every cell of files of up to 50 MB, so it is not
 * a cryptographic hash (Web Crypto is asynchronous and far slower per small input). Four
 * independently mixed 32-bit lanes give 128 bits: two different orders sharing a fingerprint by
 * accident is out of reach, and a merchant gains nothing by forging one (a match only ever
 * means "leave this order as it is", which their browser could do by not sending it).
 */

/** Bump when rows-to-orders reads a cell differently: older fingerprints then match nothing. */
export const ROW_DIGEST_VERSION = "c1";

/** `c1` followed by 32 hex digits. */
export const ROW_DIGEST_PATTERN = /^c1[0-9a-f]{32}$/;

/**
 * Hashes the strings as one sequence, each ended by its length, so ["ab", "c"] and
 * ["a", "bc"] differ. Start from `seedState` (the salt) to hash many inputs under one salt cheaply.
 */
export class RowDigest {
  private h1: number;
  private h2: number;
  private h3: number;
  private h4: number;

  constructor(seed: readonly [number, number, number, number] = [0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x85a308d3]) {
    [this.h1, this.h2, this.h3, this.h4] = seed;
  }

  add(text: string): this {
    let { h1, h2, h3, h4 } = this;
    const length = text.length;
    // Two UTF-16 units per round: half the mixing of one per round, and as thorough.
    for (let i = 0; i < length; i += 2) {
      const k = i + 1 < length ? text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16) : text.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    // The text's length ends it: "c" and "c\u0000" pack alike, and ["ab", "c"] must differ from ["a", "bc"].
    const end = length ^ 0x9e3779b9;
    h1 = h2 ^ Math.imul(h1 ^ end, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ end, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ end, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ end, 2716044179);
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    this.h4 = h4;
    return this;
  }

  /** The state so far, to start other digests from (a salt hashed once). */
  state(): [number, number, number, number] {
    return [this.h1, this.h2, this.h3, this.h4];
  }

  /** The fingerprint, after a final avalanche of each lane. */
  hex(): string {
    let { h1, h2, h3, h4 } = this;
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
    h1 ^= h2 ^ h3 ^ h4;
    h2 ^= h1;
    h3 ^= h1;
    h4 ^= h1;
    return ROW_DIGEST_VERSION + [h1, h2, h3, h4].map((lane) => (lane >>> 0).toString(16).padStart(8, "0")).join("");
  }
}
