import "server-only";
import type { Metadata } from "next";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import type { NextRequest } from "next/server";
import { isTimeZone } from "@/lib/dates";
import { createFormatter } from "./format";
import { chooseLocale, createTranslator, LOCALE_COOKIE, type Locale, type MessageKey } from "./translate";

export { LOCALE_COOKIE };
export const TIME_ZONE_COOKIE = "tz";

/** The merchant's chosen language, else the browser's. */
export async function getLocale(): Promise<Locale> {
  return chooseLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
}

/** `getLocale` for a route handler, from its request: the locale cookie, else Accept-Language. */
export function localeOfRequest(request: NextRequest): Locale {
  return chooseLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
}

/** The browser's time zone (a cookie the layout sets), so dates read as the merchant's local time. */
export async function getTimeZone(): Promise<string> {
  const zone = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  if (zone && isTimeZone(zone)) return zone;
  return "UTC";
}

export const getI18n = cache(async () => {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return { locale, t: createTranslator(locale), format: createFormatter(locale, timeZone) };
});

/** A page's `generateMetadata`: its browser-tab title in the merchant's language. */
export async function titleMetadata(key: MessageKey): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t(key) };
}
