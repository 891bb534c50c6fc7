import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectorError } from "@/lib/connectors/types";
import { requestJson } from "@/lib/connectors/http";
import { shopifyConnector } from "@/lib/connectors/shopify";
import { rowsToOrders } from "@/lib/csv/rows-to-orders";
import { AppError, parseWith } from "@/lib/errors";
import { localize } from "@/lib/i18n/message";
import { createTranslator } from "@/lib/i18n/translate";
import { newOrderSchema } from "@/lib/orders/order-form";
import { prepareRateCard, quoteParcel } from "@/lib/rating/quote";
import { rateCardSchema } from "@/lib/rating/rate-card";
import { NO_ZONE_CHARTS } from "@/lib/rating/usps-zone-chart";
import { startShopifyFake, type ShopifyFake } from "../../fakes/shopify/server";
import { testParcel, uspsZonedRateCard } from "../../helpers/rating";

// What lib says, shown to a French merchant: the same message in French words and typography
// (a no-break space before the colon, a space before the semicolon). The English stays the API's.
const fr = createTranslator("fr");
const en = createTranslator("en");

describe("a CSV row's error in French", () => {
  it("quotes the cell and says what is wrong with it, as the import page shows it", () => {
    const headers = ["Order #", "Date", "Paid", "Country"];
    const mapping = { 0: "orderNumber", 1: "orderDate", 2: "amountPaid", 3: "shipTo.country" } as const;
    const { errors } = rowsToOrders([["1001", "2026-11-05", "douze euros", "Atlantide"]], mapping, {
      timeZone: "Europe/Paris", dateOrder: "DMY", weightUnit: "grams", blankCells: "keep", headers,
    });
    expect(errors.map((error) => [error.column, localize(error, fr)])).toEqual([
      ["Paid", "« douze euros » n’est pas un montant ; écrivez-le comme 1234.50 ou 1 234,50 $"],
      ["Country", "« Atlantide »\u00a0: Pays inconnu de Shipdeck ; utilisez son code ISO à deux lettres (US, CA, GB, DE…)"],
    ]);
    // The English the API and the error report keep.
    expect(errors[0].message).toBe('"douze euros" is not an amount; write it like 1234.50 or $1,234.50');
  });
});

describe("the order form's refusals in French", () => {
  it("names each field's fault in French, a cell's own words and the schema's alike", () => {
    const form = {
      storeId: "1", status: "awaiting_payment", orderDate: "2026-11-05T10:30", weightUnit: "ounces",
      customerEmail: "bob@@example", "items.0.name": "Globe", "items.0.quantity": "0", "items.0.unitPrice": "douze",
    };
    let refused: AppError | undefined;
    try {
      parseWith(newOrderSchema("Europe/Paris"), form, "form");
    } catch (error) {
      refused = error as AppError;
    }
    expect(refused).toBeInstanceOf(AppError);
    const inFrench = (field: string) => (refused!.fieldMessages?.[field] ?? refused!.fieldErrors![field].map((message) => ({ message }))).map((said) => localize(said, fr));
    expect(inFrench("items.0.unitPrice")).toEqual(["« douze » n’est pas un montant ; écrivez-le comme 1234.50 ou 1 234,50 $"]);
    expect(inFrench("items.0.quantity")).toEqual(["Utilisez un nombre entier de 1 à 1 000 000"]);
    expect(inFrench("customerEmail")).toEqual(["Saisissez une adresse e-mail comme nom@exemple.com"]);
    // The API's words for the same refusal are unchanged.
    expect(refused!.fieldErrors!["items.0.quantity"]).toEqual(["Use a whole number from 1 to 1,000,000"]);
  });
});

describe("a store's error in French", () => {
  let shop: ShopifyFake | undefined;
  afterEach(async () => {
    await shop?.close();
    shop = undefined;
  });

  it("says a refused token in French on the test-connection result", async () => {
    shop = await startShopifyFake({ accessToken: "shpat_right_0000" });
    const check = await shopifyConnector.testConnection({ platform: "shopify", baseUrl: shop.url, credentials: { accessToken: "shpat_wrong_0000" } });
    expect(check.ok).toBe(false);
    const message = check.ok ? "" : check.message;
    expect(message).toMatch(/^Shopify refused the credentials \(401\)/);
    expect(localize(message, fr)).toBe("Shopify a refusé les identifiants (401). Vérifiez-les dans les paramètres de la boutique.");
  });

  it("says why nothing answered, inside the store's error, in French", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const failure = await requestJson(`http://127.0.0.1:${port}/admin/shop.json`, {}, { platformName: "Shopify", retries: 0 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConnectorError);
    // Stored as the store's last error in English; the store page reads it back into French.
    const stored = (failure as ConnectorError).message;
    expect(localize(stored, en)).toBe(stored);
    expect(localize(stored, fr)).toBe(`Shopify est injoignable\u00a0: connexion refusée par 127.0.0.1:${port}\u00a0: rien ne répond à cette adresse et sur ce port.`);
  });
});

describe("rating's messages in French", () => {
  it("says an origin has no USPS zone chart yet, and why, in French", () => {
    const card = prepareRateCard(rateCardSchema.parse(uspsZonedRateCard()), 1);
    const { problems } = quoteParcel([card], NO_ZONE_CHARTS, testParcel({ fromPostalCode: "10001" }));
    expect(problems.map((problem) => problem.message)).toEqual(["No USPS zone chart for origin 100 yet"]);
    expect(problems.map((problem) => localize(problem, fr))).toEqual(["Pas encore de grille des zones USPS pour l’origine 100"]);
    // The reason the locations page gives, stored in English when the service failed.
    expect(fr("locations.noChart", { origin: "100", reason: localize("USPS zone service has no chart for 100 (it answered 404)", fr) })).toBe(
      "Pas encore de grille des zones USPS pour 100\u00a0: le service de zones USPS n’a pas de grille pour 100 (il a répondu 404)",
    );
  });
});
