import { describe, expect, it } from "vitest";
import { parseMoneyToCents, plainAmountToCents } from "@/lib/money";

describe("plainAmountToCents", () => {
  it("reads amounts written plainly, exactly", () => {
    expect(["12.34", "12.5", "-3", "0", "0.99", "19.99", "999999999.99"].map((text) => plainAmountToCents(text))).toEqual([1234, 1250, -300, 0, 99, 1999, 99_999_999_999]);
    expect(plainAmountToCents("12,5", ",")).toBe(1250);
  });

  it("leaves anything else to the full readings", () => {
    for (const text of ["", "-", "12.", ".5", "1.234", "+3", " 12", "12 ", "$12", "1,234.50", "12,50", "1e3", "1000000000"]) {
      expect(plainAmountToCents(text), text).toBeNull();
    }
    expect(plainAmountToCents("12.50", ",")).toBeNull();
  });
});

describe("parseMoneyToCents", () => {
  it("reads plain amounts and the ones people write, the same way", () => {
    expect(["12.5", "1234567890.5", "$1,234.50", "(12.00)", "10.005", "-3"].map(parseMoneyToCents)).toEqual([1250, 123_456_789_050, 123_450, -1200, 1001, -300]);
    expect(parseMoneyToCents("€19,99")).toBeNull();
  });
});

describe("no negative zero", () => {
  it("reads an amount that rounds to no cents as 0, never -0 (shown as -$0.00)", () => {
    expect(Object.is(parseMoneyToCents("-0.001"), 0)).toBe(true);
    expect(Object.is(plainAmountToCents("-0.00"), 0)).toBe(true);
  });
});
