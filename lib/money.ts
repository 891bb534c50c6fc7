const PLAIN_AMOUNT = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * A decimal amount as people write it ("$1,234.50", "1234.5", "-3", "€19,99" is not accepted:
 * a comma is a thousands separator here) to integer cents, exactly (no float rounding: "19.99"
 * is 1999). Null when it is not an amount.
 */
export function parseMoneyToCents(text: string): number | null {
  // Most cells are already plain ("12.5", "1234.50"): read those without the clean-up passes.
  const plain = PLAIN_AMOUNT.exec(text);
  if (plain) {
    const cents = Number(plain[2]) * 100 + Number(`${plain[3] ?? ""}00`.slice(0, 2));
    return plain[1] === "-" ? -cents : cents;
  }
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

/**
 * A decimal amount in integer cents, half away from zero (10.005 → 1001). Works on the number's
 * shortest decimal form, so 19.99 is 1999 and not 1998.9999999999998 rounded.
 */
export function decimalToCents(amount: number): number {
  const [mantissa, exponent = "0"] = String(Math.abs(amount)).split("e");
  const [whole, fraction = ""] = mantissa.split(".");
  const digits = whole + fraction;
  // Where the decimal point of the amount in cents falls among `digits`.
  const point = whole.length + Number(exponent) + 2;
  const kept = point <= 0 ? "0" : digits.slice(0, point).padEnd(point, "0");
  const firstDropped = point < 0 ? "0" : (digits[point] ?? "0");
  const cents = Number(kept) + (firstDropped >= "5" ? 1 : 0);
  return amount < 0 && cents !== 0 ? -cents : cents;
}
