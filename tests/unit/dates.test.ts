import { describe, expect, it } from "vitest";
import { instantOfWallClock, isTimeZone, startOfDay, startOfNextDay, timeZoneSchema, zoneOffsetMs } from "@/lib/dates";

const HOUR = 60 * 60_000;

describe("startOfDay", () => {
  it("is local midnight as a UTC instant", () => {
    expect(startOfDay("2026-11-10", "America/New_York")).toBe(Date.UTC(2026, 10, 10, 5));
    expect(startOfDay("2026-07-04", "America/New_York")).toBe(Date.UTC(2026, 6, 4, 4));
  });

  it("is midnight UTC in UTC", () => {
    expect(startOfDay("2026-11-10", "UTC")).toBe(Date.UTC(2026, 10, 10));
  });

  it("lands on midnight on the days the clocks change", () => {
    // Clocks go forward at 2am on 8 March and back at 2am on 1 November; midnight is before either.
    expect(startOfDay("2026-03-08", "America/New_York")).toBe(Date.UTC(2026, 2, 8, 5));
    expect(startOfDay("2026-11-01", "America/New_York")).toBe(Date.UTC(2026, 10, 1, 4));
  });

  it("is ahead of UTC east of Greenwich", () => {
    expect(startOfDay("2026-07-14", "Europe/Paris")).toBe(Date.UTC(2026, 6, 13, 22));
  });
});

describe("startOfNextDay", () => {
  it("is the next local midnight, across a month's end", () => {
    expect(startOfNextDay("2026-11-30", "America/New_York")).toBe(Date.UTC(2026, 11, 1, 5));
    expect(startOfNextDay("2026-12-31", "UTC")).toBe(Date.UTC(2027, 0, 1));
  });

  it("makes the day clocks go forward 23 hours long", () => {
    const day = "2026-03-08";

    expect(startOfNextDay(day, "America/New_York") - startOfDay(day, "America/New_York")).toBe(23 * HOUR);
  });

  it("makes the day clocks go back 25 hours long", () => {
    const day = "2026-11-01";

    expect(startOfNextDay(day, "America/New_York") - startOfDay(day, "America/New_York")).toBe(25 * HOUR);
  });

  it("makes every day 24 hours long in UTC", () => {
    expect(startOfNextDay("2026-03-08", "UTC") - startOfDay("2026-03-08", "UTC")).toBe(24 * HOUR);
  });
});

describe("zoneOffsetMs", () => {
  it("is two hours ahead in Paris in summer and one in winter", () => {
    expect(zoneOffsetMs(Date.UTC(2026, 6, 1, 12), "Europe/Paris")).toBe(2 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 0, 15, 12), "Europe/Paris")).toBe(1 * HOUR);
  });

  it("is negative west of Greenwich and zero in UTC", () => {
    expect(zoneOffsetMs(Date.UTC(2026, 0, 15, 12), "America/New_York")).toBe(-5 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 0, 15, 12), "UTC")).toBe(0);
  });
});

describe("instantOfWallClock", () => {
  it("takes the earlier of the two 1:30s when clocks fall back", () => {
    expect(instantOfWallClock(2026, 11, 1, 1, 30, 0, "America/New_York")).toBe(Date.UTC(2026, 10, 1, 5, 30));
  });
});

describe("isTimeZone", () => {
  it("accepts UTC and the IANA names Intl knows, links and any letter case included", () => {
    for (const zone of ["UTC", "America/New_York", "Europe/Paris", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "US/Eastern", "Asia/Calcutta", "GMT", "america/new_york"]) {
      expect(isTimeZone(zone), zone).toBe(true);
    }
  });

  it("refuses made-up names, offsets (which newer runtimes would take) and stray spaces", () => {
    for (const zone of ["Mars/Olympus_Mons", "+05:00", "-0800", "Z", "", " UTC", "Europe/Paris ", "Europe/../Paris"]) {
      expect(isTimeZone(zone), zone).toBe(false);
    }
  });

  it("has one message, naming what was sent", () => {
    const checked = timeZoneSchema.safeParse("Mars/Olympus_Mons");
    expect(checked.error?.issues.map((issue) => issue.message)).toEqual(['"Mars/Olympus_Mons" is not a time zone; choose one such as America/New_York.']);
    expect(timeZoneSchema.parse("Asia/Tokyo")).toBe("Asia/Tokyo");
  });
});
