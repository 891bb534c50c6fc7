import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { createTranslator, LOCALES, type MessageKey } from "@/lib/i18n/translate";
import { INTEGRATION_ROWS, PLATFORMS, platformKeys, type ConnectablePlatform } from "@/lib/stores/platforms";

const platforms = Object.keys(PLATFORMS) as ConnectablePlatform[];

/** Every sentence a merchant reads about a platform: its address field, each credential and each Integrations row. */
function sentenceKeys(platform: ConnectablePlatform): MessageKey[] {
  return [
    platformKeys.baseUrl(platform, "label"),
    platformKeys.baseUrl(platform, "hint"),
    ...PLATFORMS[platform].credentials.flatMap((field) => [platformKeys.field(platform, field.name, "label"), platformKeys.field(platform, field.name, "hint")]),
    ...INTEGRATION_ROWS.map((row) => platformKeys.integration(platform, row)),
  ];
}

describe("platform words", () => {
  it.each(platforms)("words every field and Integrations row of %s in every language", (platform) => {
    const keys = [platformKeys.name(platform), platformKeys.baseUrl(platform, "placeholder"), ...sentenceKeys(platform)];
    for (const locale of LOCALES) {
      const t = createTranslator(locale);
      // A missing message comes back as its key.
      for (const key of keys) expect(t(key), `${locale}: ${key}`).not.toBe(key);
    }
  });

  it.each(platforms)("says %s's sentences in French, not in English", (platform) => {
    const english = createTranslator("en");
    const french = createTranslator("fr");
    for (const key of sentenceKeys(platform)) expect(french(key), key).not.toBe(english(key));
  });

  it("keeps brand names as they are and words the custom store in French", () => {
    const french = createTranslator("fr");
    expect(french(platformKeys.name("shopify"))).toBe("Shopify");
    expect(french(platformKeys.name("custom_store"))).toBe("Boutique personnalisée");
  });

  it("words no platform or field that the specs don't have", () => {
    for (const catalog of [en, fr]) {
      expect(Object.keys(catalog.platforms).sort()).toEqual([...platforms].sort());
      for (const platform of platforms) {
        expect(Object.keys(catalog.platforms[platform].fields).sort(), platform).toEqual(PLATFORMS[platform].credentials.map((field) => field.name).sort());
      }
    }
  });
});
