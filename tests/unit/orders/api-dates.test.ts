import { describe, expect, it } from "vitest";
import { apiDateProblem, formatApiDate, parseApiDate } from "@/lib/orders/api-dates";

const LA = "America/Los_Angeles";

describe("parseApiDate", () => {
  it("reads ShipStation's yyyy-MM-dd HH:mm:ss as Pacific wall-clock time, daylight or standard", () => {
    expect(parseApiDate("2026-07-01 10:00:00", LA)).toBe(Date.UTC(2026, 6, 1, 17)); // PDT, UTC-7
    expect(parseApiDate("2026-12-01 10:00:00", LA)).toBe(Date.UTC(2026, 11, 1, 18)); // PST, UTC-8
  });

  it("uses Pacific time when no zone is given, as ShipStation does", () => {
    expect(parseApiDate("2026-12-01 10:00:00")).toBe(Date.UTC(2026, 11, 1, 18));
  });

  it("reads a time without an offset in the workspace's zone", () => {
    expect(parseApiDate("2026-12-01 10:00:00", "Europe/Paris")).toBe(Date.UTC(2026, 11, 1, 9));
    expect(parseApiDate("2026-12-01 10:00:00", "UTC")).toBe(Date.UTC(2026, 11, 1, 10));
  });

  it("reads ShipStation's own response form, seven fractional digits and no offset", () => {
    expect(parseApiDate("2026-11-26T14:30:00.0000000", LA)).toBe(Date.UTC(2026, 10, 26, 22, 30));
    expect(parseApiDate("2026-11-26T14:30:00.1234567", LA)).toBe(Date.UTC(2026, 10, 26, 22, 30, 0, 123));
  });

  it("lets an explicit offset or Z win over the zone", () => {
    const instant = Date.UTC(2026, 10, 26, 22, 30);
    for (const zone of [LA, "Asia/Tokyo", "UTC"]) {
      expect(parseApiDate("2026-11-26T14:30:00-08:00", zone)).toBe(instant);
      expect(parseApiDate("2026-11-26T22:30:00Z", zone)).toBe(instant);
      expect(parseApiDate("2026-11-27T04:00:00.000+05:30", zone)).toBe(instant);
      expect(parseApiDate("2026-11-27T04:00:00+0530", zone)).toBe(instant);
    }
  });

  it("reads a bare date as midnight in the zone", () => {
    expect(parseApiDate("2026-11-26", LA)).toBe(Date.UTC(2026, 10, 26, 8));
    expect(parseApiDate("2026-11-26", "UTC")).toBe(Date.UTC(2026, 10, 26));
  });

  it("takes the first 01:30 when the clocks fall back, and 02:30 on the spring-forward day as 03:30", () => {
    expect(parseApiDate("2026-11-01 01:30:00", LA)).toBe(Date.UTC(2026, 10, 1, 8, 30)); // still PDT
    expect(parseApiDate("2026-03-08 02:30:00", LA)).toBe(Date.UTC(2026, 2, 8, 10, 30)); // 03:30 PDT
    expect(parseApiDate("2026-03-29 02:30:00", "Europe/Paris")).toBe(Date.UTC(2026, 2, 29, 1, 30)); // 03:30 CEST
  });

  it.each([
    "",
    "26/11/2026",
    "2026-11-26T14:30:00 PST",
    "2026-02-30",
    "2026-13-01 10:00:00",
    "2026-11-26 24:00:00",
    "2026-11-26T14:60:00Z",
    "2026-11-26T14:30:00+05:75",
    "2026-11-26T14:30:00+19:00",
    "2026-11-26T14:30:00.12345678Z",
    "1969-12-31",
    "2026-11-26T",
  ])("refuses %j", (text) => {
    expect(parseApiDate(text, LA)).toBeNull();
    expect(apiDateProblem(text)).toEqual(expect.any(String));
  });
});

describe("apiDateProblem", () => {
  it("says which forms to use, and why a well-formed date is refused", () => {
    expect(apiDateProblem("2026-11-26T14:30:00-08:00")).toBeNull();
    expect(apiDateProblem("Nov 26 2026")).toBe("Use ISO 8601 (2026-11-26T14:30:00-08:00) or yyyy-MM-dd HH:mm:ss");
    expect(apiDateProblem("2026-02-30")).toMatch(/does not exist/);
    expect(apiDateProblem("1969-07-20")).toBe("Use a date in 1970 or later");
  });
});

describe("formatApiDate", () => {
  it("prints ShipStation's form: wall-clock time in the zone, seven fractional digits, no offset", () => {
    expect(formatApiDate(Date.UTC(2026, 10, 26, 22, 30), LA)).toBe("2026-11-26T14:30:00.0000000");
    expect(formatApiDate(Date.UTC(2026, 6, 1, 17, 0, 5, 120), LA)).toBe("2026-07-01T10:00:05.1200000");
    expect(formatApiDate(Date.UTC(2026, 10, 26, 22, 30), "Asia/Tokyo")).toBe("2026-11-27T07:30:00.0000000");
  });

  it("is the inverse of parseApiDate for wall-clock strings, in every zone", () => {
    const texts = ["2026-01-01T00:00:00.0000000", "2026-07-01T10:00:00.0000000", "2026-11-26T14:30:59.9990000", "2028-02-29T23:59:59.0010000"];
    for (const zone of [LA, "America/New_York", "Europe/Paris", "Asia/Kolkata", "Australia/Sydney", "UTC"]) {
      for (const text of texts) expect(formatApiDate(parseApiDate(text, zone)!, zone)).toBe(text);
    }
  });

  it("reads back to the same instant, to the millisecond", () => {
    for (let instant = Date.UTC(2026, 0, 1, 0, 0, 0, 7); instant < Date.UTC(2027, 0, 1); instant += 31 * 3_600_000 + 12_345) {
      // Skip the hour the clocks repeat: its second pass prints like the first.
      const text = formatApiDate(instant, LA);
      if (text.startsWith("2026-11-01T01:")) continue;
      expect(parseApiDate(text, LA)).toBe(instant);
    }
  });
});
