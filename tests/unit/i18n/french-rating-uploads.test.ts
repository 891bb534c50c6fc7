import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { localize } from "@/lib/i18n/message";
import { createTranslator } from "@/lib/i18n/translate";
import { formatRateCardCsvError, parseRateCardCsv, sayRateCardCsvError } from "@/lib/rating/rate-card-csv";
import { parseUspsZoneChartJson } from "@/lib/rating/usps-zone-chart";

// The rate card and zone chart uploads' refusals, as Settings shows them to a French merchant:
// the file's own words (row, column, section names) quoted, the rest in French. The English stays as logs and tests read it.
const fr = createTranslator("fr");

const EXAMPLE = /```csv\n([\s\S]*?)```/.exec(readFileSync("docs/rate-cards.md", "utf8"))![1];

function problemsOf(text: string) {
  const result = parseRateCardCsv(text);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe("a rate card upload's problems in French", () => {
  it("names the row and the column and says what to write there", () => {
    const text = EXAMPLE.replace("2,6.80,7.45,8.30,24.00", "2,6.80,seven,,24.00");
    const row = text.split("\n").findIndex((line) => line.startsWith("2,6.80")) + 1;
    const problems = problemsOf(text);
    expect(problems.map((problem) => localize(sayRateCardCsvError(problem), fr))).toEqual([
      `Ligne ${row}, colonne «\u00a0Zone 2\u00a0»\u00a0: saisissez un prix comme 8.25`,
      `Ligne ${row}, colonne «\u00a0Zone 3\u00a0»\u00a0: saisissez un prix comme 8.25 (chaque zone doit avoir un prix pour chaque poids)`,
    ]);
    expect(problems.map(formatRateCardCsvError)).toEqual([
      `Row ${row}, column "Zone 2": enter a price such as 8.25`,
      `Row ${row}, column "Zone 3": enter a price such as 8.25 (every zone needs a price at every weight)`,
    ]);
  });

  it("says a file-wide problem in French, its section name as the file writes it", () => {
    const problems = problemsOf("[card]\nCarrier code,acme\n");
    expect(problems.map((problem) => localize(sayRateCardCsvError(problem), fr))).toContain("le fichier n’a pas de section [prices]");
  });

  it("reads the card schema's own refusal back into French", () => {
    // The schema's English (zod keeps text) becomes the message it came from.
    expect(localize("Zone 7 has no prices", fr)).toBe("La zone 7 n’a pas de prix");
    expect(localize("Choose the rate card's CSV file.", fr)).toBe("Choisissez le fichier CSV de la grille tarifaire.");
  });
});

describe("a zone chart upload's refusal in French", () => {
  function refusal(json: unknown, originZip3?: string): AppError {
    try {
      parseUspsZoneChartJson(json, { originZip3 });
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error("the chart was accepted");
  }

  it("says what is wrong with the chart, quoting its fields", () => {
    const error = refusal({ EffectiveDate: "April 1, 2024", Column0: [{ ZipCodes: "005---089", Zone: "12" }] }, "902");
    expect(error.message).toBe('Not a USPS zone chart: Column0[0]: Zone "12" is not a zone 1–9 with an optional * or +');
    expect(localize(error, fr)).toBe('Ce n’est pas une grille des zones USPS\u00a0: Column0[0]\u00a0: la zone "12" n’est pas une zone de 1 à 9 suivie ou non de * ou +');
  });

  it("reads a stored check's English (the locations page's reason) back into French", () => {
    const error = refusal({ EffectiveDate: "someday", Column0: [] }, "902");
    expect(localize(error.message, fr)).toBe('Ce n’est pas une grille des zones USPS\u00a0: la date de validité "someday" n’est pas une date comme "April 1, 2024"');
  });
});
