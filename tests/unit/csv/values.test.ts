import { describe, expect, it } from "vitest";
import { parseApiDate } from "@/lib/orders/api-dates";
import {
  dateOrderEvidence, decideDateOrder, decideNumberFormat, formatItemOptions, numberFormatEvidence, looksLikeNumericDate, parseBoolean, parseCountry, parseDate, parseItemOptions, parseMoney, parseQuantity, parseState, parseStatus,
  parseWeight, parseWeightUnit, type ValueResult,
} from "@/lib/csv/values";

function value<T>(result: ValueResult<T>): T {
  if (!result.ok) throw new Error(`expected a value, got: ${result.message}`);
  return result.value;
}

function message(result: ValueResult<unknown>): string {
  if (result.ok) throw new Error(`expected an error, got: ${JSON.stringify(result.value)}`);
  return result.message;
}

const NY = { timeZone: "America/New_York", dateOrder: "MDY" } as const;

describe("parseMoney", () => {
  it("reads amounts as people write them, exactly, in cents", () => {
    expect(value(parseMoney("$1,234.50"))).toBe(123450);
    expect(value(parseMoney("1234.5"))).toBe(123450);
    expect(value(parseMoney("19.99"))).toBe(1999);
    expect(value(parseMoney("-3"))).toBe(-300);
    expect(value(parseMoney("($12.00)"))).toBe(-1200);
    expect(value(parseMoney("0"))).toBe(0);
  });

  it("accepts a currency code or symbol before or after the amount", () => {
    expect(value(parseMoney("12.50 USD"))).toBe(1250);
    expect(value(parseMoney("USD 12.50"))).toBe(1250);
    expect(value(parseMoney("cad12.50"))).toBe(1250);
    expect(value(parseMoney("€12.50"))).toBe(1250);
    expect(value(parseMoney("£1,000"))).toBe(100000);
    expect(value(parseMoney("US$7"))).toBe(700);
  });

  it("reads European decimals only when the file says it uses decimal commas", () => {
    expect(value(parseMoney("1.234,50", { decimalComma: true }))).toBe(123450);
    expect(value(parseMoney("19,99 €", { decimalComma: true }))).toBe(1999);
    expect(value(parseMoney("1 234,50", { decimalComma: true }))).toBe(123450);
    expect(message(parseMoney("19,99"))).toMatch(/choose decimal commas/);
    expect(message(parseMoney("1.5", { decimalComma: true }))).toMatch(/1\.234,50/);
  });

  it("refuses what is not an amount, quoting it", () => {
    expect(message(parseMoney("twelve"))).toBe('"twelve" is not an amount; write it like 1234.50 or $1,234.50');
    expect(message(parseMoney("ABC12"))).toMatch(/not an amount/);
    expect(message(parseMoney("1.2.3"))).toMatch(/not an amount/);
    expect(message(parseMoney("99999999999999"))).toMatch(/at most \$10,000,000\.00/);
  });

  it("reads plain amounts exactly as it reads the others, up to the largest amount", () => {
    expect(value(parseMoney("12.3"))).toBe(1230);
    expect(value(parseMoney("12.05"))).toBe(1205);
    expect(value(parseMoney("-12.34"))).toBe(-1234);
    expect(value(parseMoney(" 7.25 "))).toBe(725);
    expect(value(parseMoney("0012.10"))).toBe(1210);
    // The order schema's largest amount, $10,000,000.00, refused past it in the schema's words.
    expect(value(parseMoney("9999999.99"))).toBe(999_999_999);
    expect(value(parseMoney("10000000.00"))).toBe(1_000_000_000);
    expect(message(parseMoney("10000000.01"))).toBe('"10000000.01": Use an amount of at most $10,000,000.00');
    expect(message(parseMoney("999999999.99"))).toMatch(/at most \$10,000,000\.00/);
  });

  it("rounds a third decimal half away from zero, and takes no other shape for a plain amount", () => {
    expect(value(parseMoney("12.345"))).toBe(1235);
    expect(value(parseMoney("12.344"))).toBe(1234);
    expect(value(parseMoney("-12.345"))).toBe(-1235);
    expect(message(parseMoney(".5"))).toMatch(/not an amount/);
    expect(message(parseMoney("12."))).toMatch(/not an amount/);
    expect(message(parseMoney("12.3.4"))).toMatch(/not an amount/);
  });

  it("reads a plain decimal comma only when asked", () => {
    expect(value(parseMoney("12,5", { decimalComma: true }))).toBe(1250);
    expect(value(parseMoney("-12,34", { decimalComma: true }))).toBe(-1234);
    expect(value(parseMoney("12", { decimalComma: true }))).toBe(1200);
    expect(message(parseMoney("12,34"))).toMatch(/choose decimal commas/);
    expect(message(parseMoney("12.34", { decimalComma: true }))).toMatch(/write it like 1\.234,50/);
  });
});

describe("parseWeight", () => {
  it("reads a bare number in the file's unit", () => {
    expect(value(parseWeight("12", "ounces"))).toBe(12);
    expect(value(parseWeight("1.5", "pounds"))).toBe(24);
    expect(value(parseWeight("1000", "grams"))).toBeCloseTo(35.274, 3);
  });

  it("lets a unit in the cell win over the file's", () => {
    expect(value(parseWeight("12 oz", "kilograms"))).toBe(12);
    expect(value(parseWeight("2lbs", "ounces"))).toBe(32);
    expect(value(parseWeight("1 lb", "grams"))).toBe(16);
    expect(value(parseWeight("500 g", "ounces"))).toBeCloseTo(17.637, 3);
    expect(value(parseWeight("2 KG", "ounces"))).toBeCloseTo(70.548, 3);
    expect(value(parseWeight("2 lb 3 oz", "grams"))).toBe(35);
  });

  it("reads thousands commas, or decimal commas when asked", () => {
    expect(value(parseWeight("1,500 g", "ounces"))).toBeCloseTo(52.911, 3);
    expect(value(parseWeight("1,5 kg", "ounces", { decimalComma: true }))).toBeCloseTo(52.911, 3);
  });

  it("reads a bare decimal in the file's unit, and a dot before three digits as thousands with decimal commas", () => {
    expect(value(parseWeight("0.125", "pounds"))).toBe(2);
    expect(value(parseWeight("1.500", "grams", { decimalComma: true }))).toBeCloseTo(52.911, 3);
    expect(value(parseWeight("1500", "grams", { decimalComma: true }))).toBeCloseTo(52.911, 3);
    expect(message(parseWeight("24001", "ounces"))).toMatch(/at most 1,500 lb/);
    expect(value(parseWeight("1500 lb", "ounces"))).toBe(24_000);
  });

  it("refuses negative weights and unknown units", () => {
    expect(message(parseWeight("-2", "ounces"))).toBe('"-2": Use a weight of 0 or more');
    expect(message(parseWeight("3 stone", "ounces"))).toMatch(/12 oz, 1.5 lb, 500 g or 2 kg/);
    expect(message(parseWeight("heavy", "ounces"))).toMatch(/"heavy" is not a weight/);
  });

  it("names units the way files do", () => {
    expect(value(parseWeightUnit("LBS"))).toBe("pounds");
    expect(value(parseWeightUnit("Grams"))).toBe("grams");
    expect(value(parseWeightUnit("oz."))).toBe("ounces");
    expect(message(parseWeightUnit("stone"))).toMatch(/use oz, lb, g or kg/);
  });
});

describe("parseCountry", () => {
  it("reads ISO codes in any case, and UK as GB", () => {
    expect(value(parseCountry("us"))).toBe("US");
    expect(value(parseCountry("GB"))).toBe("GB");
    expect(value(parseCountry("UK"))).toBe("GB");
    expect(value(parseCountry("NP"))).toBe("NP");
  });

  it("reads the common names, short forms and native names", () => {
    for (const name of ["United States", "USA", "U.S.", "U.S.A.", "United States of America", "usa"]) expect(value(parseCountry(name))).toBe("US");
    for (const name of ["United Kingdom", "Great Britain", "England", "GBR"]) expect(value(parseCountry(name))).toBe("GB");
    expect(value(parseCountry("Deutschland"))).toBe("DE");
    expect(value(parseCountry("The Netherlands"))).toBe("NL");
    expect(value(parseCountry("México"))).toBe("MX");
    expect(value(parseCountry("Mexico"))).toBe("MX");
    expect(value(parseCountry("Osterreich"))).toBe("AT");
    expect(value(parseCountry("Korea, Republic of"))).toBe("KR");
    expect(value(parseCountry(" canada "))).toBe("CA");
    expect(value(parseCountry("Australia"))).toBe("AU");
  });

  it("refuses what it does not know, suggesting the ISO code", () => {
    expect(message(parseCountry("Narnia"))).toBe('"Narnia": Not a country Shipdeck knows; use its two-letter ISO code (US, CA, GB, DE…)');
    expect(message(parseCountry("ZZ"))).toMatch(/Not a country/);
  });
});

describe("parseState", () => {
  it("reads US states, DC and territories by name or code", () => {
    expect(value(parseState("California", "US"))).toBe("CA");
    expect(value(parseState("ny", "US"))).toBe("NY");
    expect(value(parseState("new  york", "US"))).toBe("NY");
    expect(value(parseState("District of Columbia", "US"))).toBe("DC");
    expect(value(parseState("Washington, D.C.", "US"))).toBe("DC");
    expect(value(parseState("Puerto Rico", "US"))).toBe("PR");
    expect(value(parseState("AE", "US"))).toBe("AE");
  });

  it("reads codes in any case, against the country's own codes only", () => {
    expect(value(parseState("TX", "US"))).toBe("TX");
    expect(value(parseState("Tx", "US"))).toBe("TX");
    expect(value(parseState(" FL ", "US"))).toBe("FL");
    expect(value(parseState("QC", "CA"))).toBe("QC");
    expect(value(parseState("PQ", "CA"))).toBe("QC");
    expect(message(parseState("ON", "US"))).toMatch(/not a US state/);
    expect(message(parseState("NY", "CA"))).toMatch(/not a Canadian province/);
    expect(value(parseState("ON", null))).toBe("ON");
  });

  it("reads Canadian provinces in English or French", () => {
    expect(value(parseState("Ontario", "CA"))).toBe("ON");
    expect(value(parseState("Québec", "CA"))).toBe("QC");
    expect(value(parseState("british columbia", "CA"))).toBe("BC");
    expect(value(parseState("PEI", "CA"))).toBe("PE");
  });

  it("refuses a region that is not in the country", () => {
    expect(message(parseState("Ontario", "US"))).toBe('"Ontario" is not a US state; use its two-letter code (CA, NY, TX…)');
    expect(message(parseState("Texas", "CA"))).toMatch(/not a Canadian province/);
  });

  it("keeps other countries' regions as written", () => {
    expect(value(parseState("Bayern", "DE"))).toBe("Bayern");
    expect(value(parseState("NSW", "AU"))).toBe("NSW");
  });

  it("without a country, still shortens US and Canadian names", () => {
    expect(value(parseState("Texas", null))).toBe("TX");
    expect(value(parseState("Alberta", undefined))).toBe("AB");
    expect(value(parseState("Île-de-France", null))).toBe("Île-de-France");
  });
});

describe("parseDate", () => {
  it("reads ISO 8601 in the file's zone unless it has an offset", () => {
    expect(value(parseDate("2026-11-05", NY))).toBe(Date.UTC(2026, 10, 5, 5));
    expect(value(parseDate("2026-11-05 14:30", NY))).toBe(Date.UTC(2026, 10, 5, 19, 30));
    expect(value(parseDate("2026-11-05T14:30:15", NY))).toBe(Date.UTC(2026, 10, 5, 19, 30, 15));
    expect(value(parseDate("2026-11-05T14:30:00Z", NY))).toBe(Date.UTC(2026, 10, 5, 14, 30));
    expect(value(parseDate("2026-11-05T14:30:00.250-08:00", NY))).toBe(Date.UTC(2026, 10, 5, 22, 30, 0, 250));
    expect(value(parseDate("2026-11-05T14:30:00+0530", NY))).toBe(Date.UTC(2026, 10, 5, 9, 0));
  });

  it("reads instants as JavaScript writes them, with any fraction of a second and any real offset", () => {
    expect(value(parseDate("2025-11-25T00:04:28.300Z", NY))).toBe(Date.UTC(2025, 10, 25, 0, 4, 28, 300));
    expect(value(parseDate("2025-11-25T00:04:28.3Z", NY))).toBe(Date.UTC(2025, 10, 25, 0, 4, 28, 300));
    expect(value(parseDate("2025-11-25T00:04:28.123456789Z", NY))).toBe(Date.UTC(2025, 10, 25, 0, 4, 28, 123));
    expect(value(parseDate("2026-11-05T14:30:00+05:30", NY))).toBe(Date.UTC(2026, 10, 5, 9, 0));
    expect(value(parseDate("2026-11-05T14:30:00-00:00", NY))).toBe(Date.UTC(2026, 10, 5, 14, 30));
    expect(value(parseDate("2026-11-05T14:30:00+18:00", NY))).toBe(Date.UTC(2026, 10, 4, 20, 30));
    expect(value(parseDate("2028-02-29T12:00:00Z", NY))).toBe(Date.UTC(2028, 1, 29, 12));
    expect(value(parseDate("2026-11-05t14:30:00z", NY))).toBe(Date.UTC(2026, 10, 5, 14, 30));
  });

  it("refuses instants that are not on the calendar or the clock, or before 1970", () => {
    expect(message(parseDate("2026-02-29T12:00:00Z", NY))).toMatch(/not a day on the calendar/);
    expect(message(parseDate("2100-02-29T12:00:00Z", NY))).toMatch(/not a day on the calendar/);
    expect(message(parseDate("2026-11-05T24:00:00Z", NY))).toMatch(/no such time/);
    expect(message(parseDate("2026-11-05T23:59:60Z", NY))).toMatch(/no such time/);
    expect(message(parseDate("1969-12-31T23:59:59Z", NY))).toMatch(/before 1970/);
    expect(message(parseDate("2026-11-05T14:30:00-18:01", NY))).toMatch(/offset that does not exist/);
    expect(message(parseDate("2026-11-05T14:30:00.1234567890Z", NY))).toMatch(/not a date/);
  });

  it("reads numeric dates month-first or day-first as the option says", () => {
    expect(value(parseDate("03/04/2026", NY))).toBe(Date.UTC(2026, 2, 4, 5));
    expect(value(parseDate("03/04/2026", { ...NY, dateOrder: "DMY" }))).toBe(Date.UTC(2026, 3, 3, 4));
    expect(value(parseDate("3/4/26", NY))).toBe(Date.UTC(2026, 2, 4, 5));
    expect(value(parseDate("05.11.2026", { timeZone: "Europe/Berlin", dateOrder: "DMY" }))).toBe(Date.UTC(2026, 10, 4, 23));
    expect(value(parseDate("2026/11/05", NY))).toBe(Date.UTC(2026, 10, 5, 5));
  });

  it("says which option to choose when a numeric date only works the other way round", () => {
    expect(message(parseDate("25/03/2026", NY))).toMatch(/not a month-first date \(MM\/DD\/YYYY\); .*choose day-first dates/);
    expect(message(parseDate("03/25/2026", { ...NY, dateOrder: "DMY" }))).toMatch(/not a day-first date/);
  });

  it("reads 12- and 24-hour times", () => {
    expect(value(parseDate("11/5/2026 2:30 PM", NY))).toBe(Date.UTC(2026, 10, 5, 19, 30));
    expect(value(parseDate("11/5/2026 12:05 am", NY))).toBe(Date.UTC(2026, 10, 5, 5, 5));
    expect(value(parseDate("11/5/2026 12:00 p.m.", NY))).toBe(Date.UTC(2026, 10, 5, 17));
    expect(value(parseDate("11/5/2026 21:56:30", NY))).toBe(Date.UTC(2026, 11 - 1, 6, 2, 56, 30));
    expect(message(parseDate("11/5/2026 13:00 AM", NY))).toMatch(/no such time/);
  });

  it("reads month names either way round, with or without a weekday", () => {
    const midnight = Date.UTC(2026, 10, 5, 5);
    for (const text of ["Nov 5, 2026", "November 5, 2026", "5 Nov 2026", "5 November 2026", "5-Nov-26", "Thu, Nov 5, 2026", "Sept 5 2026"]) {
      const expected = text.startsWith("Sept") ? Date.UTC(2026, 8, 5, 4) : midnight;
      expect(value(parseDate(text, NY)), text).toBe(expected);
    }
    expect(value(parseDate("Nov 5, 2026 9:15 AM", NY))).toBe(Date.UTC(2026, 10, 5, 14, 15));
  });

  it("reads wall-clock times in the zone it is given, across daylight saving", () => {
    expect(value(parseDate("2026-07-01 10:00", { timeZone: "America/Los_Angeles", dateOrder: "MDY" }))).toBe(Date.UTC(2026, 6, 1, 17));
    expect(value(parseDate("2026-12-01 10:00", { timeZone: "America/Los_Angeles", dateOrder: "MDY" }))).toBe(Date.UTC(2026, 11, 1, 18));
    expect(value(parseDate("2026-12-01 10:00", { timeZone: "Asia/Tokyo", dateOrder: "MDY" }))).toBe(Date.UTC(2026, 11, 1, 1));
  });

  it("reads the hours around daylight-saving changes exactly as the API does", () => {
    const cases: [zone: string, day: string][] = [
      ["America/New_York", "2026-03-08"], ["America/New_York", "2026-11-01"], ["Europe/London", "2026-03-29"], ["Europe/London", "2026-10-25"],
      ["Australia/Sydney", "2026-04-05"], ["Australia/Sydney", "2026-10-04"], ["Asia/Kolkata", "2026-06-01"], ["UTC", "2026-06-01"],
    ];
    for (const [timeZone, day] of cases) {
      for (const time of ["00:30", "01:00", "01:30", "02:00", "02:30", "02:59:59", "03:00", "03:30"]) {
        expect(value(parseDate(`${day} ${time}`, { timeZone, dateOrder: "MDY" })), `${day} ${time} ${timeZone}`).toBe(parseApiDate(`${day} ${time}`, timeZone));
      }
    }
  });

  it("refuses offsets that do not exist", () => {
    expect(message(parseDate("2026-11-05T14:30:00+05:75", NY))).toMatch(/offset that does not exist/);
    expect(message(parseDate("2026-11-05T14:30:00+19:00", NY))).toMatch(/offset that does not exist/);
  });

  it("refuses what is not a date, with an example in the file's order", () => {
    expect(message(parseDate("tomorrow", NY))).toBe('"tomorrow" is not a date; write it like 2026-11-05, 11/05/2026 or Nov 5, 2026');
    expect(message(parseDate("tomorrow", { ...NY, dateOrder: "DMY" }))).toMatch(/05\/11\/2026 or 5 Nov 2026/);
    expect(message(parseDate("2026-02-30", NY))).toMatch(/not a day on the calendar/);
    expect(message(parseDate("1/1/1960", NY))).toMatch(/before 1970/);
    expect(message(parseDate("Smarch 5, 2026", NY))).toMatch(/not a date/);
  });
});

describe("parseBoolean", () => {
  it("reads yes/no words and digits in any case", () => {
    for (const text of ["yes", "Y", "TRUE", "1"]) expect(value(parseBoolean(text))).toBe(true);
    for (const text of ["no", "n", "False", "0"]) expect(value(parseBoolean(text))).toBe(false);
    expect(message(parseBoolean("maybe"))).toBe('"maybe" is not yes or no; write yes, no, true, false, 1 or 0');
  });
});

describe("parseQuantity", () => {
  it("reads whole numbers of zero or more", () => {
    expect(value(parseQuantity("3"))).toBe(3);
    expect(value(parseQuantity("0"))).toBe(0);
    expect(value(parseQuantity("1,200"))).toBe(1200);
    expect(value(parseQuantity("2.0"))).toBe(2);
  });

  it("refuses fractions, negatives and words", () => {
    expect(message(parseQuantity("1.5"))).toMatch(/Use a whole number from 1 to 1,000,000/);
    expect(message(parseQuantity("-1"))).toMatch(/Use a whole number from 1 to 1,000,000/);
    expect(message(parseQuantity("two"))).toMatch(/write a whole number/);
    expect(message(parseQuantity("2000000"))).toMatch(/from 1 to 1,000,000/);
  });

  it("reads plain digits up to a million", () => {
    expect(value(parseQuantity("007"))).toBe(7);
    expect(value(parseQuantity(" 12 "))).toBe(12);
    expect(value(parseQuantity("1000000"))).toBe(1_000_000);
    expect(message(parseQuantity("1000001"))).toMatch(/from 1 to 1,000,000/);
    expect(message(parseQuantity("12345678"))).toMatch(/from 1 to 1,000,000/);
  });
});

describe("parseStatus", () => {
  it("reads Shipdeck's names and labels", () => {
    expect(value(parseStatus("awaiting_shipment"))).toBe("awaiting_shipment");
    expect(value(parseStatus("Awaiting Payment"))).toBe("awaiting_payment");
    expect(value(parseStatus("Pending Fulfillment"))).toBe("pending_fulfillment");
    expect(value(parseStatus("ON HOLD"))).toBe("on_hold");
  });

  it("reads the names and labels Shipdeck's export writes the same as in any other case or spacing", () => {
    expect(value(parseStatus("Awaiting Shipment"))).toBe("awaiting_shipment");
    expect(value(parseStatus("on_hold"))).toBe("on_hold");
    expect(value(parseStatus(" on_hold "))).toBe("on_hold");
    expect(value(parseStatus("Pending_Fulfillment"))).toBe("pending_fulfillment");
    expect(value(parseStatus("The Shipped"))).toBe("shipped");
  });

  it("reads channel words", () => {
    expect(value(parseStatus("paid"))).toBe("awaiting_shipment");
    expect(value(parseStatus("Unpaid"))).toBe("awaiting_payment");
    expect(value(parseStatus("pending"))).toBe("awaiting_payment");
    for (const word of ["shipped", "Fulfilled", "completed"]) expect(value(parseStatus(word))).toBe("shipped");
    for (const word of ["cancelled", "Canceled", "refunded"]) expect(value(parseStatus(word))).toBe("cancelled");
    expect(value(parseStatus("on-hold"))).toBe("on_hold");
  });

  it("makes a blank cell Awaiting Shipment and refuses unknown words", () => {
    expect(value(parseStatus(""))).toBe("awaiting_shipment");
    expect(message(parseStatus("lost"))).toMatch(/^"lost" is not an order status; use Awaiting Payment, Awaiting Shipment/);
    expect(message(parseStatus("constructor"))).toMatch(/not an order status/);
  });
});

describe("item options", () => {
  it("reads name: value lists separated by semicolons or lines", () => {
    expect(value(parseItemOptions("Size: M; Color: Blue"))).toEqual([{ name: "Size", value: "M" }, { name: "Color", value: "Blue" }]);
    expect(value(parseItemOptions("Size: M\nTime: 10:30"))).toEqual([{ name: "Size", value: "M" }, { name: "Time", value: "10:30" }]);
    expect(value(parseItemOptions("Gift wrap"))).toEqual([{ name: "Gift wrap", value: "" }]);
  });

  it("writes what it reads back, falling back to JSON when the plain form would not survive", () => {
    for (const options of [
      [{ name: "Size", value: "M" }, { name: "Color", value: "Blue" }],
      [{ name: "Engraving", value: "A; B" }],
      [{ name: "Note: front", value: "x" }],
      [{ name: "[bracket]", value: "y" }],
    ]) {
      expect(value(parseItemOptions(formatItemOptions(options)))).toEqual(options);
    }
  });
});

describe("dateOrderEvidence", () => {
  it("tells month-first, day-first and ambiguous numeric dates apart, and ignores other forms", () => {
    expect(dateOrderEvidence(["11/25/2026", "2026-11-05", "Nov 5, 2026", ""])).toEqual({ monthFirst: true, dayFirst: false, ambiguous: false, dotted: false });
    expect(dateOrderEvidence(["25.11.2026 14:30", "05/05/2026"])).toEqual({ monthFirst: false, dayFirst: true, ambiguous: false, dotted: true });
    expect(dateOrderEvidence(["03/04/26, 2:30 PM"])).toEqual({ monthFirst: false, dayFirst: false, ambiguous: true, dotted: false });
    expect(dateOrderEvidence(["2026-03-04T10:00:00.000Z", "13/13/2026"])).toEqual({ monthFirst: false, dayFirst: false, ambiguous: false, dotted: false });
  });
});

describe("decideDateOrder", () => {
  const none = { monthFirst: false, dayFirst: false, ambiguous: false, dotted: false };
  it("asks only when a date reads both ways and nothing settles it, or when the dates disagree", () => {
    expect(decideDateOrder([{ ...none, ambiguous: true }])).toEqual({ ask: true });
    expect(decideDateOrder([{ ...none, ambiguous: true, dayFirst: true }])).toEqual({ ask: false, dateOrder: "DMY" });
    expect(decideDateOrder([{ ...none, monthFirst: true }, { ...none, ambiguous: true }])).toEqual({ ask: false, dateOrder: "MDY" });
    expect(decideDateOrder([{ ...none, monthFirst: true }, { ...none, dayFirst: true }])).toEqual({ ask: true });
    expect(decideDateOrder([none])).toEqual({ ask: false });
    // 03.04.2026 is the 3rd of April wherever dates are written with dots.
    expect(decideDateOrder([dateOrderEvidence(["03.04.2026", "01.02.2026"])])).toEqual({ ask: false, dateOrder: "DMY" });
    expect(decideDateOrder([dateOrderEvidence(["03.04.2026", "04.25.2026"])])).toEqual({ ask: false, dateOrder: "MDY" });
    expect(decideDateOrder([])).toEqual({ ask: false });
  });

  it("knows a numeric date when it sees one", () => {
    expect(["03/04/2026", " 3.4.26 10:00", "11-25-2026"].map(looksLikeNumericDate)).toEqual([true, true, true]);
    expect(["2026-03-04", "Nov 5, 2026", "12/3", "03/04/202655"].map(looksLikeNumericDate)).toEqual([false, false, false, false]);
  });
});

describe("numberFormatEvidence", () => {
  it("reads which decimal separator each number can only have", () => {
    expect(numberFormatEvidence(["12.50", "$1,234.50", "1,234,567", "USD 3.5"])).toEqual({ decimalPoint: true, decimalComma: false, ambiguous: false });
    expect(numberFormatEvidence(["1.234,50", "1 234,50", "19,99 €", "1,5 kg", "1.234.567"])).toEqual({ decimalPoint: false, decimalComma: true, ambiguous: false });
    expect(numberFormatEvidence(["1,234", "12", "", "n/a"])).toEqual({ decimalPoint: false, decimalComma: false, ambiguous: true });
    expect(numberFormatEvidence(["1.234"])).toEqual({ decimalPoint: false, decimalComma: false, ambiguous: true });
    expect(numberFormatEvidence(["0,500", "12"])).toEqual({ decimalPoint: false, decimalComma: true, ambiguous: false });
  });

  it("settles the format from the columns, and asks when they disagree or only ambiguous numbers are seen", () => {
    const european = numberFormatEvidence(["4,50", "1.234,00"]);
    const american = numberFormatEvidence(["4.50"]);
    const unsure = numberFormatEvidence(["1,234"]);
    expect(decideNumberFormat([european, unsure])).toEqual({ ask: false, decimalComma: true });
    expect(decideNumberFormat([american, unsure])).toEqual({ ask: false, decimalComma: false });
    expect(decideNumberFormat([european, american])).toEqual({ ask: true });
    expect(decideNumberFormat([unsure])).toEqual({ ask: true });
    expect(decideNumberFormat([numberFormatEvidence(["12", "3"])])).toEqual({ ask: false });
  });

  it("reads European amounts once decimal commas are chosen", () => {
    expect(["1.234,50", "1 234,50", "1\u00a0234,50", "19,99"].map((cell) => value(parseMoney(cell, { decimalComma: true })))).toEqual([123450, 123450, 123450, 1999]);
    expect(value(parseMoney("1234.50"))).toBe(123450);
    expect(value(parseWeight("1,5", "kilograms", { decimalComma: true }))).toBeCloseTo(52.911, 3);
  });
});
