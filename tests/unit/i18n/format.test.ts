import { describe, expect, it } from "vitest";
import { createFormatter } from "@/lib/i18n/format";

/** Intl puts (narrow) no-break spaces between groups and before units; compare with plain ones. */
const plainSpaces = (text: string) => text.replace(/\s/g, " ");

describe("createFormatter", () => {
  describe("money", () => {
    it("shows cents as US dollars in English", () => {
      expect(createFormatter("en").money(123450, "USD")).toBe("$1,234.50");
    });

    it("groups and marks decimals the French way", () => {
      const fr = createFormatter("fr");

      expect(plainSpaces(fr.money(123450, "USD"))).toContain("1 234,50");
      expect(plainSpaces(fr.money(123450, "EUR"))).toBe("1 234,50 €");
    });

    it("uses dollars when no currency is given", () => {
      expect(createFormatter("en").money(599)).toBe("$5.99");
    });
  });

  describe("weight", () => {
    it("shows ounces under a pound in English", () => {
      expect(plainSpaces(createFormatter("en").weight(12))).toBe("12 oz");
    });

    it("shows pounds from a pound up in English", () => {
      expect(plainSpaces(createFormatter("en").weight(40))).toBe("2.5 lb");
    });

    it("weighs in kilograms in French", () => {
      expect(plainSpaces(createFormatter("fr").weight(40))).toBe("1,13 kg");
    });

    it("weighs in grams under a kilogram in French", () => {
      expect(plainSpaces(createFormatter("fr").weight(12))).toBe("340 g");
    });
  });

  describe("dates", () => {
    // 03:30 UTC on 10 November is still the evening of the 9th in Los Angeles.
    const instant = Date.UTC(2026, 10, 10, 3, 30);

    it("shows the day in the given time zone", () => {
      expect(createFormatter("en", "UTC").date(instant)).toBe("Nov 10, 2026");
      expect(createFormatter("en", "America/Los_Angeles").date(instant)).toBe("Nov 9, 2026");
    });

    it("shows the wall-clock time in the given time zone", () => {
      const inLosAngeles = plainSpaces(createFormatter("en", "America/Los_Angeles").dateTime(instant));

      expect(inLosAngeles).toContain("Nov 9, 2026");
      expect(inLosAngeles).toContain("7:30 PM");
    });

    it("writes French dates on a 24-hour clock", () => {
      const inParis = plainSpaces(createFormatter("fr", "Europe/Paris").dateTime(instant));

      expect(inParis).toContain("10 nov. 2026");
      expect(inParis).toContain("04:30");
    });

    it("shows the time alone when it is today in the merchant's zone, the date too otherwise", () => {
      const inParis = createFormatter("fr", "Europe/Paris");

      expect(plainSpaces(inParis.time(instant))).toBe("04:30");
      expect(plainSpaces(inParis.moment(instant, instant - 3_600_000))).toBe("04:30");
      // 03:30 UTC on the 10th, seen at 22:00 UTC on the 9th: in Paris, that is already another day.
      expect(plainSpaces(inParis.moment(instant, Date.UTC(2026, 10, 9, 22, 0)))).toContain("10 nov. 2026");
      expect(plainSpaces(createFormatter("en", "America/Los_Angeles").moment(instant, Date.UTC(2026, 10, 9, 22, 0)))).toBe("7:30 PM");
    });

    it("labels a chart's day by month and day", () => {
      expect(createFormatter("en", "America/Los_Angeles").day(instant)).toBe("Nov 9");
      expect(createFormatter("fr", "Europe/Paris").day(instant)).toBe("10 nov.");
    });

    it("uses UTC when no time zone is given", () => {
      expect(createFormatter("en").timeZone).toBe("UTC");
      expect(createFormatter("en").date(instant)).toBe("Nov 10, 2026");
    });
  });
});
