"use server";

import { cookies } from "next/headers";
import { isLocale } from "@/lib/i18n/translate";
import { LOCALE_COOKIE } from "@/lib/i18n/server";

export async function setLocaleAction(formData: FormData) {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
}
