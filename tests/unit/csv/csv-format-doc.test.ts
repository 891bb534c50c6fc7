import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CSV_FIELDS } from "@/lib/csv/fields";
import { STATUS_LABELS } from "@/lib/csv/values";
import { MAX_AMOUNT_CENTS, MAX_QUANTITY, MAX_WEIGHT_OZ } from "@/lib/orders/limits";


const doc = readFileSync("docs/csv-format.md", "utf8").toLowerCase();

/** A field's label as the doc's table groups it: without its "Item: "/"Ship to: " prefix or a trailing number. */
const wordsOf = (label: string) => label.replace(/^(?:Item|Ship to|Bill to): /, "").replace(/\s*\d+$/, "").toLowerCase();

describe("docs/csv-format.md", () => {
  it("describes every field a column can be mapped to", () => {
    const missing = CSV_FIELDS.filter((field) => !doc.includes(wordsOf(field.label))).map((field) => field.label);
    expect(missing).toEqual([]);
  });

  it("names every status and the limits the readers enforce", () => {
    for (const label of Object.values(STATUS_LABELS)) expect(doc).toContain(label.toLowerCase());
    expect(doc).toContain(`$${(MAX_AMOUNT_CENTS / 100).toLocaleString("en", { minimumFractionDigits: 2 })}`);
    expect(doc).toContain(`${(MAX_WEIGHT_OZ / 16).toLocaleString("en")} lb`);
    expect(doc).toContain(MAX_QUANTITY.toLocaleString("en"));
  });
});
