import type { Locale } from "./translate";

const formatters = new Map<string, Formatter>();

/** Formatting of money, dates and weights for one locale and time zone; Intl objects are built once per pair. */
export function createFormatter(locale: Locale, timeZone = "UTC"): Formatter {
  const key = `${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = buildFormatter(locale, timeZone);
    formatters.set(key, formatter);
  }
  return formatter;
}

function buildFormatter(locale: Locale, timeZone: string) {
  const tag = locale === "fr" ? "fr-FR" : "en-US";
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone });
  const dateOnly = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone });
  const timeOnly = new Intl.DateTimeFormat(tag, { timeStyle: "short", timeZone });
  const dayOfMonth = new Intl.DateTimeFormat(tag, { month: "short", day: "numeric", timeZone });
  const numbers = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const currencies = new Map<string, Intl.NumberFormat>();
  const unit = (name: string, digits: number) => new Intl.NumberFormat(tag, { style: "unit", unit: name, maximumFractionDigits: digits });
  const pounds = unit("pound", 2);
  const ounces = unit("ounce", 1);
  const kilograms = unit("kilogram", 2);
  const grams = unit("gram", 0);

  return {
    locale,
    timeZone,
    money(cents: number, currency = "USD"): string {
      let format = currencies.get(currency);
      if (!format) {
        format = new Intl.NumberFormat(tag, { style: "currency", currency });
        currencies.set(currency, format);
      }
      return format.format(cents / 100);
    },
    dateTime: (ms: number) => dateTime.format(ms),
    date: (ms: number) => dateOnly.format(ms),
    /** "2:05 PM", "14:05": the wall-clock time alone. */
    time: (ms: number) => timeOnly.format(ms),
    /** "Dec 6", "6 déc.": a chart's day label. */
    day: (ms: number) => dayOfMonth.format(ms),
    /** The time alone when `ms` falls on the same local day as `now`, else the date and time. */
    moment: (ms: number, now: number) => (dateOnly.format(ms) === dateOnly.format(now) ? timeOnly.format(ms) : dateTime.format(ms)),
    number: (value: number) => numbers.format(value),
    /** US English in pounds and ounces; French in metric, as merchants there weigh parcels. */
    weight(oz: number): string {
      if (locale === "fr") {
        const g = oz * 28.349523125;
        return g >= 1000 ? kilograms.format(g / 1000) : grams.format(g);
      }
      return oz >= 16 ? pounds.format(oz / 16) : ounces.format(oz);
    },
  };
}

export type Formatter = ReturnType<typeof buildFormatter>;
