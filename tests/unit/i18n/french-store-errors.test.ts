import { describe, expect, it } from "vitest";
import { amazonCredentials } from "@/lib/connectors/amazon/auth";
import { parseExportXml } from "@/lib/connectors/custom-store/xml";
import { ConnectorError } from "@/lib/connectors/types";
import { localize } from "@/lib/i18n/message";
import { createTranslator } from "@/lib/i18n/translate";

// A store's error is stored as the English the API answers; the stores pages read it back into
// its message and show it in the merchant's language, a platform's own words quoted as they came.
const fr = createTranslator("fr");

function refusal(run: () => unknown): ConnectorError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error("nothing was refused");
}

describe("a store's stored error in French", () => {
  it("names the Amazon store's missing credentials in French", () => {
    const error = refusal(() => amazonCredentials({ platform: "amazon", baseUrl: "https://sellingpartnerapi-na.amazon.com", credentials: { clientId: "id", clientSecret: "secret" } }));
    expect(error.message).toBe("The Amazon store is missing its refresh token, marketplace ID. Add them in the store's settings.");
    expect(localize(error.message, fr)).toBe("Il manque à la boutique Amazon\u00a0: jeton d’actualisation, identifiant de marketplace. Ajoutez-les dans les réglages de la boutique.");
  });

  it("says what a custom store sent instead of order XML, in French", () => {
    const error = refusal(() => parseExportXml("   "));
    expect(localize(error.message, fr)).toBe(
      "La boutique a répondu par une page vide au lieu du XML des commandes. Vérifiez que l’adresse de la boutique est son point d’accès Custom Store (par ex. https://shop.example/shipstation.php).",
    );
  });
});
