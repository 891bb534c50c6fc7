import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getLocale, TIME_ZONE_COOKIE } from "@/lib/i18n/server";
import { TimeZoneCookie } from "./time-zone-cookie";
import "./globals.css";

export const metadata: Metadata = { title: { default: "Shipdeck", template: "%s · Shipdeck" } };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, cookieStore] = await Promise.all([getLocale(), cookies()]);
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <TimeZoneCookie current={cookieStore.get(TIME_ZONE_COOKIE)?.value} />
        {children}
      </body>
    </html>
  );
}
