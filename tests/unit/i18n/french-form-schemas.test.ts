import { describe, expect, it } from "vitest";
import { signUpSchema } from "@/lib/auth/schemas";
import { startCsvImportSchema } from "@/lib/csv/import-protocol";
import { fieldErrorsOf } from "@/lib/errors";
import { localize } from "@/lib/i18n/message";
import { createTranslator } from "@/lib/i18n/translate";
import { parcelInputSchema } from "@/lib/rating/parcel-schema";
import { shipFromLocationSchema } from "@/lib/rating/ship-from-location-schema";

// Forms show a schema's refusal as the action builder does: each field's English read back into
// its message, rendered in the merchant's language. The English is what the API answers.
const fr = createTranslator("fr");

function refusals(schema: { safeParse: (value: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown) {
  const parsed = schema.safeParse(value);
  expect(parsed.success).toBe(false);
  const english = fieldErrorsOf(parsed.error!.issues);
  return { english, french: Object.fromEntries(Object.entries(english).map(([field, messages]) => [field, messages.map((said) => localize(said, fr))])) };
}

describe("form schemas' refusals in French", () => {
  it("the ship-from location form", () => {
    const { english, french } = refusals(shipFromLocationSchema, { name: "", street1: "1 Main St", city: "LA", postalCode: "9021", country: "US", state: "California" });
    expect(english).toEqual({ name: ['Name the location, e.g. "Warehouse".'], postalCode: ["Enter a 5-digit ZIP code, e.g. 90210."], state: ["Enter the 2-letter state, e.g. CA."] });
    expect(french).toEqual({
      name: ["Nommez le lieu, par ex. «\u00a0Entrepôt\u00a0»."],
      postalCode: ["Saisissez un code ZIP à 5 chiffres, par ex. 90210."],
      state: ["Saisissez l’État en 2 lettres, par ex. CA."],
    });
  });

  it("a parcel, values named in the message included", () => {
    const { english, french } = refusals(parcelInputSchema, { fromPostalCode: "90210", toPostalCode: "10001", toCountry: "US", weight: { value: 5, units: "stones" } });
    expect(english).toEqual({ "weight.units": ["Use one of ounces, pounds, grams, kilograms"] });
    expect(french).toEqual({ "weight.units": ["Utilisez l’une de ces valeurs\u00a0: ounces, pounds, grams, kilograms"] });
  });

  it("sign-up", () => {
    const { french } = refusals(signUpSchema, { name: "Ana", email: "not-an-email", password: "short" });
    expect(french).toEqual({ email: ["Saisissez une adresse e-mail valide"], password: ["Utilisez au moins 8 caractères"] });
  });

  it("a CSV import's start", () => {
    const { french } = refusals(startCsvImportSchema, { storeId: 1, fileName: "orders.csv", options: { timeZone: "Europe/Paris", dateOrder: "DMY", weightUnit: "grams", blankCells: "keep" }, mapping: { "3": "orderNumber" }, headers: ["Order"], totalChunks: 1, totalRows: 1 });
    expect(french).toEqual({ "mapping.3": ["Le fichier n’a pas de colonne 4."] });
  });
});
