import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { errorReport, neutraliseFormula, readCsvCell, toCsv } from "@/lib/csv/write-csv";

const parseBack = (csv: string) => Papa.parse<string[]>(csv, { header: false, skipEmptyLines: true }).data;

describe("toCsv", () => {
  it("quotes only what needs it, doubles quotes, and ends every record with CRLF", () => {
    const csv = toCsv([
      ["plain", "with, comma", 'say "hi"', "two\nlines", "cr\rhere"],
      [12.5, 0, null, undefined, ""],
    ]);

    expect(csv).toBe('plain,"with, comma","say ""hi""","two\nlines","cr\rhere"\r\n12.5,0,,,\r\n');
    expect(parseBack(csv)).toEqual([
      ["plain", "with, comma", 'say "hi"', "two\nlines", "cr\rhere"],
      ["12.5", "0", "", "", ""],
    ]);
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    const csv = toCsv([["=HYPERLINK(\"http://evil\")", "+1 555 0100", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "'=already"]]);

    expect(parseBack(csv)[0]).toEqual(["'=HYPERLINK(\"http://evil\")", "'+1 555 0100", "'-2+3", "'@SUM(A1)", "'\tcmd", "'\rcmd", "''=already"]);
  });

  it("keeps plain numbers as numbers, negative ones included", () => {
    expect(toCsv([["-12.50", -12.5, "+3", "1e5", "-.5", "12-50"]])).toBe("-12.50,-12.5,+3,1e5,-.5,12-50\r\n");
  });

  it("writes nothing for a non-finite number", () => {
    expect(toCsv([[Number.NaN, Number.POSITIVE_INFINITY]])).toBe(",\r\n");
  });
});

describe("readCsvCell", () => {
  it("undoes exactly the guard toCsv adds, and nothing else", () => {
    for (const value of ["=1+1", "+1 555", "-x", "@me", "'=x", "''+y", "'quoted'", "-12.50", "plain", "'"]) {
      expect(readCsvCell(neutraliseFormula(value))).toBe(value);
    }
  });
});

describe("errorReport", () => {
  const headers = ["Order #", "Date", "Phone"];
  const rows = [
    ["1001", "11/05/2026", "+1 555 0100"],
    ["1002", "someday", "'+1 555 0199"],
    ["1003", "11/07/2026"],
  ];

  it("writes the header plus Error, and each row with an error as it was, messages joined", () => {
    const report = errorReport(headers, rows, [
      { row: 4, column: "Phone", message: "Too long" },
      { row: 3, column: "Date", message: '"someday" is not a date' },
      { row: 4, column: null, message: "Order 1003 was not imported: fix row 3" },
    ]);

    expect(parseBack(report)).toEqual([
      ["Order #", "Date", "Phone", "Error"],
      ["1002", "someday", "'+1 555 0199", 'Date: "someday" is not a date'],
      ["1003", "11/07/2026", "", "Phone: Too long; Order 1003 was not imported: fix row 3"],
    ]);
  });

  it("finds rows by the spreadsheet numbers the parser gave them", () => {
    const report = errorReport(headers, rows, [{ row: 9, column: null, message: "Bad" }], { rowNumbers: [2, 9, 10] });

    expect(parseBack(report)[1]).toEqual(["1002", "someday", "'+1 555 0199", "Bad"]);
  });

  it("guards formulas in the rows it writes back", () => {
    const report = errorReport(["A"], [["=cmd()"]], [{ row: 2, column: "A", message: "=also()" }]);

    expect(parseBack(report)[1]).toEqual(["'=cmd()", "A: =also()"]);
  });
});
