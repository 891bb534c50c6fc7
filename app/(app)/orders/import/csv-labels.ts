import "server-only";
import { catalogOf, type Locale } from "@/lib/i18n/translate";
import type { CsvLabels } from "./translator";

/** The import page's messages as raw templates in the merchant's language: the client formats them (counts change as it works). */
export function csvLabels(locale: Locale): CsvLabels {
  const messages: Record<string, string> = {};
  const visit = (node: object, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === "string") messages[`${prefix}${key}`] = value;
      else visit(value as object, `${prefix}${key}.`);
    }
  };
  visit(catalogOf(locale).csv, "");
  visit(catalogOf(locale).orderStatus, "orderStatus.");
  // What the CSV readers say of a cell or row (lib/csv), in the merchant's language.
  visit(catalogOf(locale).csvErrors, "csvErrors.");
  visit(catalogOf(locale).orderErrors, "orderErrors.");
  visit(catalogOf(locale).csvImportErrors, "csvImportErrors.");
  return { locale, messages };
}
