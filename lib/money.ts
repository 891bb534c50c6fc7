/**
 * A decimal amount as people write it ("$1,234.50", "1234.5", "-3", "€19,99" is not accepted:
 * a comma is a thousands separator here) to integer cents, exactly (no float rounding: "19.99"
 * is 1999). Null when it is not an amount.
 */
export function parseMoneyToCents(text: string): number | null {
  const cleaned = text.trim().replace(/^\((.*)\)$/, "-$1").replace(/[$\s]/g, "").replace(/,(?=\d{3}(\D|$))/g, "");
  const match = /^([+-])?(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, whole, fraction = ""] = match;
  const digits = `${fraction}000`.slice(0, 3);
  let cents = Number(whole) * 100 + Number(digits.slice(0, 2));
  if (Number(digits[2]) >= 5) cents += 1; // half away from zero
  if (!Number.isSafeInteger(cents)) return null;
  return sign === "-" ? -cents : cents;
}

export function centsToDecimalString(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
