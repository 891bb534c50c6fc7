import { describe, expect, it } from "vitest";
import { ftsQuery } from "@/lib/orders/list-orders";
import { orderListSearch, parseOrderListQuery } from "@/lib/orders/list-query";

/** The view a URL's search string describes, as the orders page reads it. */
const viewOf = (search: string) => parseOrderListQuery(Object.fromEntries(new URLSearchParams(search)));

describe("parseOrderListQuery", () => {
  it("opens on orders awaiting shipment, newest first, 50 a page", () => {
    expect(parseOrderListQuery({})).toEqual({ status: "awaiting_shipment", sort: "order_date", dir: "desc", size: 50 });
  });

  it("reads a view from the URL", () => {
    const view = parseOrderListQuery({ status: "shipped", store: "3", q: "  mug  ", from: "2026-11-01", to: "2026-11-30", sort: "modified_at", dir: "asc", size: "250" });

    expect(view).toEqual({ status: "shipped", store: 3, q: "mug", from: "2026-11-01", to: "2026-11-30", sort: "modified_at", dir: "asc", size: 250 });
  });

  it("falls back to the default for a value that is not one of the choices", () => {
    const view = parseOrderListQuery({ status: "bogus", sort: "total", dir: "sideways", size: "37", store: "-1", from: "Nov 1", q: "" });

    expect(view).toEqual({ status: "awaiting_shipment", sort: "order_date", dir: "desc", size: 50 });
  });

  it("takes the first of a repeated parameter", () => {
    expect(parseOrderListQuery({ status: ["on_hold", "shipped"] }).status).toBe("on_hold");
  });
});

describe("orderListSearch", () => {
  it("is empty for the default view", () => {
    expect(orderListSearch(parseOrderListQuery({}))).toBe("");
  });

  it("leaves the defaults out of a view's link", () => {
    const search = orderListSearch(parseOrderListQuery({ status: "on_hold", size: "50", dir: "desc", q: "grace" }));

    expect(search).toBe("?status=on_hold&q=grace");
  });

  it("links to the same view it was made from", () => {
    const view = parseOrderListQuery({ status: "all", store: "2", q: "blue mug", from: "2026-11-01", sort: "created_at", dir: "asc", size: "100", after: "1762000000000.42" });

    expect(viewOf(orderListSearch(view))).toEqual(view);
  });
});

describe("ftsQuery", () => {
  it("makes each word a quoted prefix term", () => {
    expect(ftsQuery("grace hop")).toBe('"grace"* "hop"*');
  });

  it("strips quotes and operators so input cannot change the query", () => {
    expect(ftsQuery('"blue" mug* ^tea (earl:grey) +x')).toBe('"blue"* "mug"* "tea"* "earl"* "grey"* "x"*');
    expect(ftsQuery("-mug")).toBe('"mug"*');
  });

  it("treats words like OR and NOT as words", () => {
    expect(ftsQuery("mug OR tea")).toBe('"mug"* "OR"* "tea"*');
  });

  it("keeps hyphens and dots inside a word, as in SKUs and emails", () => {
    expect(ftsQuery("MUG-BLUE grace@example.com.")).toBe('"MUG-BLUE"* "grace@example.com"*');
  });

  it("has nothing to search for when only punctuation is left", () => {
    expect(ftsQuery(' " * -- ')).toBeNull();
    expect(ftsQuery("")).toBeNull();
  });

  it("searches by the first eight words at most", () => {
    expect(ftsQuery("a b c d e f g h i j")).toBe('"a"* "b"* "c"* "d"* "e"* "f"* "g"* "h"*');
  });
});
