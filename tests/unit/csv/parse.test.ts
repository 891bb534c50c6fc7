import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes } from "@/lib/csv/decode";
import { parseCsvText } from "@/lib/csv/parse";

const fixture = (name: string) => decodeCsvBytes(new Uint8Array(readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url)))).text;

describe("parseCsvText", () => {
  it("reads a comma-separated UTF-8 file with a BOM", () => {
    const parsed = parseCsvText(fixture("utf8-bom.csv"));
    expect(parsed.delimiter).toBe(",");
    expect(parsed.headers).toEqual(["Order Number", "Order Date", "Recipient", "Address", "City", "Zip", "Country", "SKU", "Qty", "Price"]);
    expect(parsed.rows).toEqual([
      ["1001", "2025-03-01", "Zoë Brontë", "12 Rue de l’Église", "Besançon", "25000", "FR", "MUG-1", "2", "12.50"],
      ["1002", "2025-03-02", "Jürgen Müller", "Straße 5", "Köln", "50667", "DE", "TEE-2", "1", "20.00"],
    ]);
    expect(parsed.rowNumbers).toEqual([2, 3]);
    expect(parsed.errors).toEqual([]);
  });

  it("drops a BOM left in the text when the bytes were decoded elsewhere", () => {
    expect(parseCsvText("\uFEFFOrder Number,SKU\n1,A\n").headers).toEqual(["Order Number", "SKU"]);
  });

  it("detects tabs, and leaves commas inside tab-separated values alone", () => {
    const parsed = parseCsvText(fixture("tab-separated.tsv"));
    expect(parsed.delimiter).toBe("\t");
    expect(parsed.headers[0]).toBe("Order #");
    expect(parsed.rows[0]).toEqual(["A-1", "2025-03-01", "Ada Lovelace", "Suite 4, Floor 2, 10 Downing St", "London", "SW1A 2AA", "GB", "Tea, Earl Grey", "3"]);
    expect(parsed.rows).toHaveLength(2);
  });

  it("detects semicolons in a European file and leaves decimal commas as they are", () => {
    const parsed = parseCsvText(fixture("semicolon-european.csv"));
    expect(parsed.delimiter).toBe(";");
    expect(parsed.headers).toHaveLength(11);
    expect(parsed.rows[0]).toEqual(["FR-1", "31.01.2025", "Élodie Martin", "3 rue des Lilas", "Lyon", "69003", "FR", "Savon, lavande", "2", "4,50", "12,90"]);
    expect(parsed.rows[1].slice(-2)).toEqual(["1.234,00", "1.237,90"]);
    expect(parsed.errors).toEqual([]);
  });

  it("keeps quoted commas, doubled quotes and quoted newlines inside one value, and one spreadsheet row", () => {
    const parsed = parseCsvText(fixture("quoted.csv"));
    expect(parsed.rows).toHaveLength(2);
    const [first, second] = parsed.rows;
    expect(first[2]).toBe("Smith, John");
    expect(first[3]).toBe("1 Main St, Apt 2");
    expect(first[7]).toBe('Mug "Large"');
    expect(first[9]).toBe("Leave at the back door.\nRing twice, please.");
    expect(second[0]).toBe("Q-2");
    expect(parsed.rowNumbers).toEqual([2, 3]);
  });

  it("reads CRLF line endings, with a CRLF inside a quoted value", () => {
    const parsed = parseCsvText(fixture("crlf.csv"));
    expect(parsed.delimiter).toBe(",");
    expect(parsed.headers.at(-1)).toBe("Item - Qty");
    expect(parsed.rows).toEqual([
      ["C-1", "2025-03-01", "Grace Hopper", "1 Navy Yard\r\nBuilding 4", "Arlington", "22202", "US", "Compiler", "1"],
      ["C-2", "2025-03-02", "Alan Turing", "2 Bletchley Park", "Milton Keynes", "MK3 6EB", "GB", "Bombe", "2"],
    ]);
    expect(parsed.rowNumbers).toEqual([2, 3]);
  });

  it("uses the delimiter it is given, and refuses others", () => {
    const text = "Order Number;Note\n1;a,b\n";
    expect(parseCsvText(text).delimiter).toBe(";");
    const forced = parseCsvText(text, { delimiter: "," });
    expect(forced.delimiter).toBe(",");
    expect(forced.headers).toEqual(["Order Number;Note"]);
    expect(() => parseCsvText(text, { delimiter: "|" })).toThrow(RangeError);
  });

  it("renames repeated headers with a suffix and reports them on row 1", () => {
    const parsed = parseCsvText(fixture("duplicate-headers.csv"));
    // "SKU (2)" is already a real header, so the repeated "SKU" becomes "SKU (3)"; "email" repeats "Email".
    expect(parsed.headers).toEqual(["Order Number", "SKU", "Qty", "SKU (3)", "Email", "email (2)", "SKU (2)"]);
    expect(parsed.errors).toMatchObject([
      { row: 1, code: "duplicate_header", message: 'Columns 2 and 4 are both called "SKU"; column 4 is shown as "SKU (3)".' },
      { row: 1, code: "duplicate_header", message: 'Columns 5 and 6 are both called "email"; column 6 is shown as "email (2)".' },
    ]);
    expect(parsed.rows[0]).toEqual(["D-1", "A", "1", "B", "a@example.com", "b@example.com", "C"]);
  });

  it("names empty headers after their position", () => {
    const parsed = parseCsvText(fixture("missing-headers.csv"));
    expect(parsed.headers).toEqual(["Order Number", "Column 2", "City", "Column 4", "Column 5"]);
    // Row 2 lacks only the cell under the unnamed fifth column: padded without a word.
    expect(parsed.rows).toEqual([
      ["M-1", "x", "Paris", "y", ""],
      ["M-2", "", "Lyon", "", ""],
    ]);
    expect(parsed.errors).toEqual([]);
  });

  it("trims and pads rows to the header, skips blank lines, and numbers rows as a spreadsheet does", () => {
    const parsed = parseCsvText(fixture("ragged-rows.csv"));
    expect(parsed.rows).toEqual([
      ["R-1", "A", "1"],
      ["R-2", "B", ""],
      ["R-3", "C", "3"],
      ["R-4", "D", "4"],
    ]);
    // Line 3 is empty, line 5 only spaces, line 6 only commas: skipped, but still counted.
    expect(parsed.rowNumbers).toEqual([2, 4, 7, 8]);
    expect(parsed.errors).toMatchObject([
      { row: 4, code: "short_row", message: "Row 4 has 2 of the 3 columns; the missing ones are read as empty." },
      { row: 7, code: "long_row", message: "Row 7 has 5 values but the header has 3 columns; the last 2 are ignored." },
    ]);
  });

  it("counts blank lines before the header in row numbers", () => {
    const parsed = parseCsvText("\n\nOrder Number,SKU\n1,A\n");
    expect(parsed.headers).toEqual(["Order Number", "SKU"]);
    expect(parsed.rowNumbers).toEqual([4]);
  });

  it("reports a quote that is never closed on the row where it opens", () => {
    const parsed = parseCsvText('Order Number,Note\n1,fine\n2,"never closed\n3,lost\n');
    expect(parsed.errors).toContainEqual(expect.objectContaining({
      row: 3,
      code: "unclosed_quote",
      message: "Row 3: a quoted value is never closed, so the rest of the file was read as that one value.",
    }));
    expect(parsed.rows[1][1]).toBe("never closed\n3,lost\n");
  });

  it("reports a stray quote after a quoted value", () => {
    const parsed = parseCsvText('Order Number,Note\n1,"say "hi" twice"\n');
    expect(parsed.errors.map((error) => [error.row, error.code])).toContainEqual([2, "malformed_quote"]);
  });

  it("reports an empty file, and accepts a header without rows", () => {
    for (const text of ["", "\n  \n,,\n"]) {
      expect(parseCsvText(text)).toMatchObject({
        headers: [],
        rows: [],
        rowNumbers: [],
        delimiter: ",",
        errors: [{ row: 1, code: "empty_file", message: "The file is empty: it has no header row." }],
      });
    }
    expect(parseCsvText("Order Number\tSKU\r\n")).toMatchObject({ headers: ["Order Number", "SKU"], rows: [], errors: [], delimiter: "\t" });
  });

  it("parses a 12,000-row file with quoted commas and newlines, CRLF and a BOM", () => {
    const lines = ["Order Number,Order Date,Ship To - Name,Ship To - Address 1,Item - SKU,Item - Qty,Notes - From Buyer"];
    const rowsWanted = 12_000;
    for (let i = 1; i <= rowsWanted; i++) {
      const order = `BIG-${Math.ceil(i / 3)}`;
      const note = i % 100 === 0 ? `"Fragile, handle with care\r\nThank you"` : "";
      lines.push(`${order},2025-03-01,"Customer ${i}, Jr.",${i} Main St,SKU-${i % 50},${(i % 5) + 1},${note}`);
    }
    const bytes = new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);

    const parsed = parseCsvText(decodeCsvBytes(bytes).text);

    expect(parsed.errors).toEqual([]);
    expect(parsed.delimiter).toBe(",");
    expect(parsed.headers).toHaveLength(7);
    expect(parsed.rows).toHaveLength(rowsWanted);
    expect(parsed.rowNumbers.at(-1)).toBe(rowsWanted + 1);
    expect(new Set(parsed.rows.map((row) => row[0])).size).toBe(rowsWanted / 3);
    expect(parsed.rows.every((row) => row.length === 7)).toBe(true);
    expect(parsed.rows[99]).toEqual(["BIG-34", "2025-03-01", "Customer 100, Jr.", "100 Main St", "SKU-0", "1", "Fragile, handle with care\r\nThank you"]);
    expect(parsed.rows.at(-1)![2]).toBe(`Customer ${rowsWanted}, Jr.`);
  });
});
