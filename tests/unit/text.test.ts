import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseOrderListQuery } from "@/lib/orders/list-query";
import { safeText, unsafeTextProblem } from "@/lib/text";

describe("unsafeTextProblem", () => {
  it("names a NUL and a lone surrogate, high or low, anywhere in the text", () => {
    for (const text of ["\u0000", "a\u0000", "\u0000b"]) expect(unsafeTextProblem(text)).toMatch(/NUL/);
    for (const text of ["\uD800", "a\uD83Db", "\uDC00", "x\uDE00", "\uDE00\uD83D"]) expect(unsafeTextProblem(text)).toMatch(/surrogate/);
  });

  it("lets ordinary text, emoji (surrogate pairs) and other control characters through", () => {
    for (const text of ["", "Grace Hopper", "gift 🎁", "tab\there", "Ünïcödé", "\uD83D\uDE00"]) expect(unsafeTextProblem(text)).toBeNull();
  });
});

describe("safeText", () => {
  it("keeps the field's own rules after its own", () => {
    const schema = safeText(z.string()).trim().max(5);
    expect(schema.parse("  abc  ")).toBe("abc");
    expect(schema.safeParse("abcdefgh").success).toBe(false);
    expect(schema.safeParse("a\u0000").error?.issues[0].message).toMatch(/NUL/);
  });
});

describe("the orders list's and export's search term", () => {
  it("falls back to no search, as any malformed URL parameter does there, rather than failing the page", () => {
    expect(parseOrderListQuery({ q: "mug\u0000" }).q).toBeUndefined();
    expect(parseOrderListQuery({ q: "mug\uD800" }).q).toBeUndefined();
    expect(parseOrderListQuery({ q: "mug" }).q).toBe("mug");
  });
});
