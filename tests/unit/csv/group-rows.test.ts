import { describe, expect, it } from "vitest";
import { ROW_DIGEST_PATTERN, RowDigest } from "@/lib/csv/row-digest";
import type { FieldKey } from "@/lib/csv/fields";
import { fingerprintCsvGroups, groupCsvRows, rowsToOrders, type RowsToOrdersOptions } from "@/lib/csv/rows-to-orders";

const MAPPING: Record<number, FieldKey | null> = { 0: "orderNumber", 1: "orderDate", 2: "item.name", 3: "item.quantity", 4: null };
const OPTIONS: RowsToOrdersOptions = { timeZone: "America/Chicago", dateOrder: "MDY", weightUnit: "ounces", blankCells: "keep" };

function digestsOf(rows: string[][], options: Partial<RowsToOrdersOptions> = {}, mapping = MAPPING) {
  const readOptions = { ...OPTIONS, ...options };
  const { groups } = groupCsvRows(rows, mapping, readOptions);
  fingerprintCsvGroups(rows, mapping, readOptions, groups);
  return Object.fromEntries(groups.map((group) => [group.number ?? "AUTO", group.digest]));
}

describe("groupCsvRows", () => {
  it("groups rows by order number wherever they are, AUTO rows alone, and reports rows without a number", () => {
    const { groups, errors } = groupCsvRows(
      [["A1", "11/05/2026", "Mug", "1", ""], ["AUTO", "11/05/2026", "Tea", "1", ""], ["", "", "", "", ""], ["", "11/05/2026", "Pen", "1", ""], ["A1", "", "Pot", "2", ""]],
      MAPPING,
      OPTIONS,
    );
    expect(groups.map((group) => [group.number, group.rows])).toEqual([["A1", [0, 4]], [null, [1]]]);
    expect(errors).toMatchObject([{ row: 5, column: "Column A", message: expect.stringContaining("order number is missing") }]);
  });

  it("leaves every fingerprint to fingerprintCsvGroups", () => {
    const { groups } = groupCsvRows([["A1", "11/05/2026", "Mug", "1", ""], ["AUTO", "11/05/2026", "Tea", "1", ""]], MAPPING, OPTIONS);
    expect(groups.map((group) => group.digest)).toEqual([null, null]);
  });

  it("is the first half of rowsToOrders: each order carries its group's fingerprint, an AUTO row's too", () => {
    const rows = [["A1", "11/05/2026", "Mug", "1", ""], ["AUTO", "11/05/2026", "Tea", "1", ""]];
    const { orders } = rowsToOrders(rows, MAPPING, OPTIONS);
    expect(orders.map((order) => order.digest)).toEqual([digestsOf(rows).A1, expect.stringMatching(ROW_DIGEST_PATTERN)]);
    expect(orders.map((order) => order.auto)).toEqual([false, true]);
  });
});

describe("fingerprintCsvGroups", () => {
  const fileRows = [["A1", "11/05/2026", "Mug", "1", "note"], ["B2", "11/05/2026", "Tea", "1", ""], ["A1", "", "Pot", "2", ""], ["AUTO", "11/05/2026", "Pen", "1", ""]];

  it("fingerprints every group, numbered ones exactly as earlier imports stored them", () => {
    const { groups } = groupCsvRows(fileRows, MAPPING, OPTIONS);
    fingerprintCsvGroups(fileRows, MAPPING, OPTIONS, groups);
    // Pinned: the server keeps the fingerprints of earlier imports, and any change would find none of them unchanged.
    expect(groups.map((group) => [group.number, group.digest])).toEqual([
      ["A1", "c140eef29b7d5c8ac6883042d5c75bcc72"],
      ["B2", "c14c55176a81eaa241f5ac1a379e004587"],
      [null, expect.stringMatching(ROW_DIGEST_PATTERN)],
    ]);
    expect(groups[0].digest).toMatch(ROW_DIGEST_PATTERN);
  });

  it("fingerprints only the groups given that have no fingerprint yet", () => {
    const { groups } = groupCsvRows(fileRows, MAPPING, OPTIONS);
    fingerprintCsvGroups(fileRows, MAPPING, OPTIONS, [groups[1]]);
    expect(groups.map((group) => group.digest)).toEqual([null, digestsOf(fileRows).B2, null]);
    groups[1].digest = "kept";
    fingerprintCsvGroups(fileRows, MAPPING, OPTIONS, groups);
    expect(groups.map((group) => group.digest)).toEqual([digestsOf(fileRows).A1, "kept", expect.stringMatching(ROW_DIGEST_PATTERN)]);
  });

  it("fingerprints what the order is read from: its mapped cells in order, the mapping and the reading options", () => {
    const rows = [["A1", "11/05/2026", "Mug", "1", "note"], ["B2", "11/05/2026", "Tea", "1", ""], ["A1", "", "Pot", "2", ""]];
    const base = digestsOf(rows);
    expect(base.A1).not.toBe(base.B2);
    // Where the rows are, and columns left out of the mapping, change nothing.
    expect(digestsOf([rows[1], rows[0], ["", "", "", "", ""], rows[2]])).toEqual(base);
    expect(digestsOf([rows[0].with(4, "other note"), rows[1], rows[2]])).toEqual(base);
    // A cell, the rows' order within the order, an option or the mapping does.
    expect(digestsOf([rows[0].with(3, "2"), rows[1], rows[2]]).A1).not.toBe(base.A1);
    expect(digestsOf([rows[2], rows[1], rows[0]]).A1).not.toBe(base.A1);
    for (const options of [{ timeZone: "UTC" }, { dateOrder: "DMY" }, { weightUnit: "grams" }, { blankCells: "clear" }] as const) {
      expect(digestsOf(rows, options).A1).not.toBe(base.A1);
    }
    expect(digestsOf(rows, {}, { ...MAPPING, 3: null }).A1).not.toBe(base.A1);
  });
});

describe("RowDigest", () => {
  it("tells apart texts that only concatenate alike, and is the same for the same texts", () => {
    const of = (...texts: string[]) => texts.reduce((digest, text) => digest.add(text), new RowDigest()).hex();
    expect(of("ab", "c")).not.toBe(of("a", "bc"));
    expect(of("ab", "")).not.toBe(of("ab"));
    expect(of("c")).not.toBe(of("c\u0000"));
    expect(of("abc", "d")).not.toBe(of("ab", "cd"));
    expect(of("x", "y")).toBe(of("x", "y"));
    expect(new RowDigest(new RowDigest().add("salt").state()).add("x").hex()).toBe(of("salt", "x"));
    expect(of("é")).toMatch(ROW_DIGEST_PATTERN);
  });
});
