import { describe, expect, it } from "vitest";
import { jsonDepthExceeds, MAX_JSON_DEPTH, parseJsonBody } from "@/lib/errors";

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

describe("parseJsonBody", () => {
  it("reads JSON up to MAX_JSON_DEPTH levels and refuses one more with a 400 that names the problem", () => {
    expect(() => parseJsonBody(nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => parseJsonBody(nested(MAX_JSON_DEPTH + 1))).toThrow(expect.objectContaining({ code: "invalid_input", message: expect.stringContaining(`deeper than ${MAX_JSON_DEPTH}`) }));
    // Far past any stack: refused, never a RangeError.
    expect(() => parseJsonBody(nested(1_000_000))).toThrow(expect.objectContaining({ code: "invalid_input" }));
  });

  it("skips a leading byte order mark", () => {
    expect(parseJsonBody('\uFEFF{"a":1}')).toEqual({ a: 1 });
  });

  it("still answers malformed JSON as such", () => {
    expect(() => parseJsonBody("{")).toThrow(expect.objectContaining({ code: "invalid_input", message: expect.stringMatching(/^Malformed JSON/) }));
  });
});

describe("jsonDepthExceeds", () => {
  it("doesn't count brackets inside strings, escaped quotes included", () => {
    const text = JSON.stringify({ note: `${"[{".repeat(100)}\\" \\\\`, list: [[1]] });
    expect(jsonDepthExceeds(text, 3)).toBe(false);
    expect(jsonDepthExceeds(text, 2)).toBe(true);
  });
});
